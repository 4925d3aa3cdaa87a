"""The review page in real headless Chromium (Selenium), on records of the real pipeline:
highlights, keyboard review, corrections, forged posts, adding missed facts, done articles, re-runs.

Skipped when Chromium or chromedriver is missing, except under PRESSFACTS_REQUIRE_SERVICES=1.
Screenshots go to outputs/screenshots/ (git-ignored) for a person to look at.
"""

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from review.app import create_app
from review.store import ReviewStore
from tests.review.conftest import (
    ARTICLES,
    BAD_VALUES,
    EXPECTED_SALON,
    assert_expected_facts,
    good_value,
    run_pipeline,
    write_corpus,
)
from tests.services import missing_service

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "outputs" / "screenshots"
WAIT = 15

pytestmark = pytest.mark.slow


@pytest.fixture
def browser() -> Iterator:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        missing_service(
            f"headless browser tests need {' and '.join(missing)} (apt-get install chromium chromium-driver)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="pressfacts-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,900", f"--user-data-dir={profile}",
    ):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def shot(driver, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    driver.save_screenshot(str(path))
    return path


class Page:
    """What the editor sees and does on an article page."""

    def __init__(self, driver) -> None:
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver = driver
        # Cards are replaced after a decision and the page reloads after an addition: a wait
        # retries through both (StaleElementReference is one of these exceptions).
        self.wait = WebDriverWait(driver, WAIT, ignored_exceptions=[WebDriverException])

    def find(self, css: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str) -> list:
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def status(self, fact_id: str) -> str:
        return self.find(f"#card-{fact_id}").get_attribute("data-status")

    def current(self) -> str:
        return self.find("li.fact.current").get_attribute("data-fact")

    def press(self, keys: str) -> None:
        self.driver.switch_to.active_element.send_keys(keys)

    def cards(self) -> dict[str, tuple[str, str]]:
        """fact id -> (status, quoted text) of every card, read in one go (a snapshot of the page)."""
        rows = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('li.fact'), (c) =>"
            " [c.dataset.fact, c.dataset.status, c.querySelector('.goto').textContent]);"
        )
        return {fact: (status, text) for fact, status, text in rows}

    def set_editor(self, name: str) -> None:
        from selenium.webdriver.common.keys import Keys

        box = self.find("#editor-name")
        box.clear()
        box.send_keys(name + Keys.ENTER)
        self.wait.until(lambda d: self.find("#editor-name").get_attribute("value") == name)
        self.wait.until(lambda d: self.find_all("li.fact.current"))

    def severe_logs(self, allowed: tuple[str, ...] = ()) -> list:
        return [
            e
            for e in self.driver.get_log("browser")
            if e["level"] == "SEVERE" and not any(a in e["message"] for a in allowed)
        ]


def test_editor_reviews_an_article_with_the_keyboard(browser, tmp_path: Path, nlp, serve) -> None:
    from selenium.webdriver.common.keys import Keys

    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    records = run_pipeline(corpus, out, nlp)
    assert_expected_facts(records["salon-rennes"], EXPECTED_SALON)  # the real pipeline, nothing added
    facts = records["salon-rennes"].facts()
    page = Page(browser)

    with serve(create_app(out)) as base:
        # The editor gives a name once, from the header (a form of the page: it carries its token).
        browser.get(f"{base}/articles/salon-rennes")
        page.set_editor("Nadia Roux")

        # Every fact is highlighted in the text, with its kind's colour class.
        for fact in facts:
            marks = page.find_all(f'mark[data-facts~="{fact.id}"]')
            assert marks and f"k-{fact.kind}" in page.find(f"#t-{fact.id}").get_attribute("class")
            assert "".join(m.text for m in marks) == fact.text
        shot(browser, "review-article-open.png")

        # Clicking a highlight selects its fact; clicking a fact's quote selects its highlight.
        last = facts[-1]
        page.find(f"#t-{last.id}").click()
        page.wait.until(lambda d: page.current() == last.id)
        page.find(f"#card-{facts[0].id} .goto").click()
        page.wait.until(lambda d: "current" in page.find(f"#t-{facts[0].id}").get_attribute("class"))
        assert page.current() == facts[0].id

        # Accept the selected fact with the keyboard.
        accepted = page.current()
        page.press("a")
        page.wait.until(lambda d: page.status(accepted) == "accepted")
        page.wait.until(lambda d: page.current() != accepted)  # moved on to the next fact

        # Go to a count with j and correct it: a bad value first, then a good one.
        target = next(
            f for f in facts if f.kind in ("counts", "dates") and f.id not in {accepted, page.current()}
        )
        for _ in range(len(facts)):
            if page.current() == target.id:
                break
            page.press("j")
        assert page.current() == target.id
        field, bad = BAD_VALUES[target.kind]
        page.press("e")
        box = page.find(f'#card-{target.id} [name="field.{field}"]')
        page.wait.until(lambda d: d.switch_to.active_element.get_attribute("name") is not None)
        box.clear()
        box.send_keys(bad + Keys.ENTER)
        error = f"#card-{target.id} .correct .error"
        page.wait.until(lambda d: "Correction refused" in page.find(error).text)
        assert field in page.find(error).text
        assert page.find(f'#card-{target.id} [name="field.{field}"]').get_attribute("value") == bad  # kept
        assert page.status(target.id) == "unreviewed"
        shot(browser, "review-article-bad-correction.png")
        _, good = good_value(target)
        box = page.find(f'#card-{target.id} [name="field.{field}"]')
        box.clear()
        box.send_keys(good + Keys.ENTER)
        page.wait.until(lambda d: page.status(target.id) == "corrected")

        # Reload: both decisions are there.
        def both_there() -> None:
            assert page.status(accepted) == "accepted" and page.status(target.id) == "corrected"
            assert page.find(f"#card-{target.id} ins").text == good
            assert not page.find_all(".orphan")

        browser.refresh()
        both_there()

        # Re-run the pipeline into the same folder: found again.
        run_pipeline(corpus, out, nlp)
        browser.refresh()
        both_there()
        browser.execute_script("document.getElementById('card-' + arguments[0]).scrollIntoView()", target.id)
        shot(browser, "review-article.png")

        # A page on another origin posting into the app (Origin: null, no session cookie): refused.
        before = ReviewStore.for_output(out).count()
        forged = (
            f'<form method="post" action="{base}/articles/salon-rennes/facts/{accepted}">'
            '<input name="action" value="reject"><input name="editor" value="mallory"></form>'
            "<script>document.forms[0].submit()</script>"
        )
        browser.get("data:text/html;charset=utf-8," + quote(forged))
        page.wait.until(lambda d: "Refused" in d.find_element("tag name", "body").text)
        assert ReviewStore.for_output(out).count() == before

        # An article with markup in its text: shown as text, never run.
        browser.get(f"{base}/articles/piege-script")
        pane = page.find("#text").text
        assert "<script>window.__pressfactsPwned = 1</script>" in pane and "<img src=x" in pane
        assert browser.execute_script("return window.__pressfactsPwned === undefined")

        # The list shows the progress; no script error anywhere (but the refused posts).
        browser.get(f"{base}/")
        row = page.find('tr[data-doc="salon-rennes"] .reviewed').text
        assert row.split() == ["2", "/", str(len(facts))]
        assert not page.severe_logs(allowed=("status of 422", "status of 403"))


# "These rules miss" the count and the lab the editor adds (the real pipeline, with its facts
# of those spans dropped); the later rules find the count again.
MISSED_COUNT = ("counts", "45 exposants")
MISSED_LAB = ("labs", "laboratoire Lumière Matière de Rennes")


def drag_select(driver, phrase: str) -> None:
    """Select `phrase` in the article text with the mouse: press on its first letter, release on its last."""
    from selenium.webdriver.common.action_chains import ActionChains

    points = driver.execute_script(
        """
        const [el, phrase] = arguments;
        const text = el.textContent, start = text.indexOf(phrase), end = start + phrase.length;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const point = (offset) => { let seen = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (seen + n.length > offset) return [n, offset - seen]; seen += n.length; } };
        const box = (at) => { const [n, o] = point(at); walker.currentNode = el;
          const r = document.createRange(); r.setStart(n, o); r.setEnd(n, o + 1);
          return r.getBoundingClientRect(); };
        const a = box(start), b = box(end - 1);
        return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
        """,
        driver.find_element("id", "text"),
        phrase,
    )
    actions = ActionChains(driver)
    mouse = actions.w3c_actions.pointer_action
    mouse.move_to_location(int(points[0]), int(points[1]))
    mouse.pointer_down()
    mouse.move_to_location(int(points[2]), int(points[3]))
    mouse.pointer_up()
    actions.perform()


def test_editor_adds_missed_facts_that_survive_reruns(browser, tmp_path: Path, nlp, serve) -> None:
    from selenium.webdriver.common.keys import Keys

    corpus = write_corpus(tmp_path / "corpus", {"salon-rennes": ARTICLES["salon-rennes"]})
    out = tmp_path / "out"
    records = run_pipeline(corpus, out, nlp, missed=[MISSED_COUNT, MISSED_LAB])
    assert not [f for f in records["salon-rennes"].facts() if f.text in ("45 exposants",) or f.kind == "labs"]
    page = Page(browser)

    def add_form_values() -> dict[str, str]:
        return {
            e.get_attribute("name"): e.get_attribute("value")
            for e in page.find_all("#add-form input:not([type=hidden]), #add-form select")
        }

    with serve(create_app(out)) as base:
        browser.get(f"{base}/articles/salon-rennes")
        page.set_editor("Nadia Roux")

        # A count, with the mouse: select it, pick "Counts" in the menu, see the prefilled values.
        drag_select(browser, "45 exposants")
        page.wait.until(lambda d: page.find("#add-menu").is_displayed())
        assert page.find("#selection-text").text == "“45 exposants”"
        page.find('#add-menu .add-kind[data-kind="counts"]').click()
        page.wait.until(lambda d: page.find_all("#add-form"))
        assert page.find("#add-form .add-text").text == "45 exposants"
        assert add_form_values() == {
            "field.value": "45",
            "field.unit": "exposant",
            "field.qualifier": "exact",
        }
        shot(browser, "review-add-count.png")
        # A bad value is refused, saying which field; nothing is saved.
        box = page.find('#add-form [name="field.value"]')
        box.clear()
        box.send_keys("quarante-cinq" + Keys.ENTER)
        page.wait.until(
            lambda d: "value: Input should be a valid integer" in page.find("#add-form .error").text
        )
        assert page.find('#add-form [name="field.value"]').get_attribute("value") == "quarante-cinq"
        assert ReviewStore.for_output(out).count() == 0
        box = page.find('#add-form [name="field.value"]')
        box.clear()
        box.send_keys("45" + Keys.ENTER)
        page.wait.until(lambda d: "added" in [s for s, _ in page.cards().values()])
        [count_id] = [i for i, (s, t) in page.cards().items() if s == "added"]
        assert page.cards()[count_id] == ("added", "“45 exposants”")
        assert "s-added" in page.find(f"#t-{count_id}").get_attribute("class")

        # A lab, with the keyboard: s starts at the current fact's word, l moves, → extends, 4 = labs.
        page.press("s")
        page.wait.until(lambda d: page.find("#add-menu").is_displayed())
        for _ in range(80):
            if page.find("#selection-text").text.startswith("“laboratoire"):
                break
            page.press("l")
        for _ in range(10):
            if page.find("#selection-text").text.endswith("Rennes”"):
                break
            page.press(Keys.ARROW_RIGHT)
        assert page.find("#selection-text").text == "“laboratoire Lumière Matière de Rennes”"
        page.press(Keys.SHIFT + Keys.ARROW_RIGHT)  # the start moves one word on, and back
        assert page.find("#selection-text").text == "“Lumière Matière de Rennes”"
        page.press(Keys.SHIFT + Keys.ARROW_LEFT)
        page.press("4")
        page.wait.until(lambda d: page.find_all("#add-form"))
        assert add_form_values() == {
            "field.name": "laboratoire Lumière Matière de Rennes",
            "field.location": "",
        }
        page.wait.until(lambda d: d.switch_to.active_element.get_attribute("name") == "field.name")
        shot(browser, "review-add.png")  # docs/review-add.png is a copy of it
        page.press(Keys.TAB)
        page.press("Rennes" + Keys.ENTER)
        page.wait.until(lambda d: len([s for s, _ in page.cards().values() if s == "added"]) == 2)
        [lab_id] = [i for i, (s, t) in page.cards().items() if s == "added" and i != count_id]
        shot(browser, "review-added.png")

        def additions_there() -> None:
            cards = page.cards()
            assert cards[count_id] == ("added", "“45 exposants”")
            assert cards[lab_id] == ("added", "“laboratoire Lumière Matière de Rennes”")
            assert not page.find_all(".orphan")

        browser.refresh()
        additions_there()

        # Done: refused while facts are unreviewed, then d once every fact is decided.
        page.press("d")
        page.wait.until(lambda d: "still unreviewed" in page.find("#done-error").text)

        def left() -> int:
            return sum(1 for s, _ in page.cards().values() if s == "unreviewed")

        while left():
            before = left()
            page.press("n")
            page.press("a")
            page.wait.until(lambda d, before=before: left() < before)
        page.press("d")
        page.wait.until(lambda d: page.find_all("#done-badge"))
        browser.get(f"{base}/")
        assert "✓ Nadia Roux" in page.find('tr[data-doc="salon-rennes"] .done-cell').text

        # Re-run on the unchanged text with the same rules: the additions are still there.
        run_pipeline(corpus, out, nlp, missed=[MISSED_COUNT, MISSED_LAB])
        browser.get(f"{base}/articles/salon-rennes")
        additions_there()

        # New rules now extract the count: one accepted fact (the addition), never two.
        run_pipeline(corpus, out, nlp, missed=[MISSED_LAB])
        browser.refresh()
        counts = [(i, s) for i, (s, t) in page.cards().items() if t == "“45 exposants”"]
        assert [s for _, s in counts] == ["accepted"]
        assert "added by Nadia Roux" in page.find(f"#card-{counts[0][0]} .fact-head").text
        assert page.cards()[lab_id][0] == "added"

        # The article's text changes: the additions are orphaned, never dropped.
        (corpus / "salon-rennes.txt").write_text(
            "Mise à jour.\n" + ARTICLES["salon-rennes"], encoding="utf-8"
        )
        run_pipeline(corpus, out, nlp, missed=[MISSED_LAB])
        browser.refresh()
        orphans = {
            o.get_attribute("data-fact"): o.get_attribute("data-status") for o in page.find_all(".orphan")
        }
        assert orphans[lab_id] == "added" and orphans[count_id] == "added"
        assert lab_id not in page.cards()
        assert "marked done on an earlier text" in page.find(".done-form").text
        assert not page.severe_logs(allowed=("status of 422",))
