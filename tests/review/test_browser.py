"""The review page in real headless Chromium (Selenium): highlights, keyboard, corrections, re-run.

Skipped when Chromium or chromedriver is missing, except under PRESSFACTS_REQUIRE_SERVICES=1.
Screenshots go to outputs/screenshots/ (git-ignored) for a person to look at.
"""

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from review.app import create_app
from tests.review.conftest import BAD_VALUES, good_value, run_pipeline

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "outputs" / "screenshots"
WAIT = 15

pytestmark = pytest.mark.slow


@pytest.fixture
def browser() -> Iterator:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        reason = (
            f"headless browser tests need {' and '.join(missing)} (apt-get install chromium chromium-driver)"
        )
        if os.environ.get("PRESSFACTS_REQUIRE_SERVICES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
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


def test_editor_reviews_an_article_with_the_keyboard(browser, tmp_path: Path, nlp, serve) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    corpus = tmp_path / "corpus"
    from tests.review.conftest import write_corpus

    write_corpus(corpus)
    out = tmp_path / "out"
    records = run_pipeline(corpus, out, nlp)
    facts = records["salon-rennes"].facts()
    from selenium.common.exceptions import StaleElementReferenceException

    wait = WebDriverWait(
        browser, WAIT, ignored_exceptions=[StaleElementReferenceException]
    )  # cards get replaced

    def status(fact_id: str) -> str:
        return browser.find_element(By.ID, f"card-{fact_id}").get_attribute("data-status")

    def current() -> str:
        return browser.find_element(By.CSS_SELECTOR, "li.fact.current").get_attribute("data-fact")

    def press(keys: str) -> None:
        browser.switch_to.active_element.send_keys(keys)

    with serve(create_app(out)) as base:
        # The editor gives a name once, from the header.
        browser.get(f"{base}/articles/salon-rennes")
        name = browser.find_element(By.ID, "editor-name")
        name.send_keys("Nadia Roux" + Keys.ENTER)
        wait.until(lambda d: d.find_element(By.ID, "editor-name").get_attribute("value") == "Nadia Roux")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.fact.current"))

        # Every fact is highlighted in the text, with its kind's colour class.
        for fact in facts:
            marks = browser.find_elements(By.CSS_SELECTOR, f'mark[data-facts~="{fact.id}"]')
            assert marks and f"k-{fact.kind}" in browser.find_element(By.ID, f"t-{fact.id}").get_attribute(
                "class"
            )
            assert "".join(m.text for m in marks) == fact.text
        shot(browser, "review-article-open.png")

        # Clicking a highlight selects its fact; clicking a fact's quote selects its highlight.
        last = facts[-1]
        browser.find_element(By.ID, f"t-{last.id}").click()
        wait.until(lambda d: current() == last.id)
        browser.find_element(By.CSS_SELECTOR, f"#card-{facts[0].id} .goto").click()
        wait.until(lambda d: "current" in d.find_element(By.ID, f"t-{facts[0].id}").get_attribute("class"))
        assert current() == facts[0].id

        # Accept the selected fact with the keyboard.
        accepted = current()
        press("a")
        wait.until(lambda d: status(accepted) == "accepted")
        wait.until(lambda d: current() != accepted)  # moved on to the next fact

        # Go to another fact with j, correct it: a bad value first, then a good one.
        target = next(f for f in facts if f.id not in {accepted, current()})
        for _ in range(len(facts)):
            if current() == target.id:
                break
            press("j")
        assert current() == target.id
        field, bad = BAD_VALUES[target.kind]
        press("e")
        box = browser.find_element(By.CSS_SELECTOR, f'#card-{target.id} [name="field.{field}"]')
        wait.until(lambda d: d.switch_to.active_element.get_attribute("name") is not None)
        box.clear()
        box.send_keys(bad + Keys.ENTER)
        error = f"#card-{target.id} .correct .error"
        wait.until(lambda d: "Correction refused" in d.find_element(By.CSS_SELECTOR, error).text)
        assert field in browser.find_element(By.CSS_SELECTOR, error).text
        typed = browser.find_element(By.CSS_SELECTOR, f'#card-{target.id} [name="field.{field}"]')
        assert typed.get_attribute("value") == bad.strip() or not bad.strip()  # what was typed stays
        assert status(target.id) == "unreviewed"
        shot(browser, "review-article-bad-correction.png")
        _, good = good_value(target)
        box = browser.find_element(By.CSS_SELECTOR, f'#card-{target.id} [name="field.{field}"]')
        box.clear()
        box.send_keys(good + Keys.ENTER)
        wait.until(lambda d: status(target.id) == "corrected")

        # Reload: both decisions are there.
        def both_there() -> None:
            assert status(accepted) == "accepted" and status(target.id) == "corrected"
            ins = browser.find_element(By.CSS_SELECTOR, f"#card-{target.id} ins").text
            assert ins == good
            assert not browser.find_elements(By.CSS_SELECTOR, ".orphan")

        browser.refresh()
        both_there()

        # Re-run the pipeline into the same folder: found again.
        run_pipeline(corpus, out, nlp)
        browser.refresh()
        both_there()
        browser.execute_script("document.getElementById('card-' + arguments[0]).scrollIntoView()", target.id)
        shot(browser, "review-article.png")

        # An article with markup in its text: shown as text, never run.
        browser.get(f"{base}/articles/piege-script")
        pane = browser.find_element(By.ID, "text").text
        assert "<script>window.__pressfactsPwned = 1</script>" in pane and "<img src=x" in pane
        assert browser.execute_script("return window.__pressfactsPwned === undefined")

        # The list shows the progress; no script error anywhere.
        browser.get(f"{base}/")
        row = browser.find_element(By.CSS_SELECTOR, 'tr[data-doc="salon-rennes"] .reviewed').text
        assert row.split() == ["2", "/", str(len(facts))]
        refused = "status of 422"  # the bad correction, answered as refused
        logs = browser.get_log("browser")
        severe = [e for e in logs if e["level"] == "SEVERE" and refused not in e["message"]]
        assert not severe
