"""From the probes' raw figures to rates, ratios, targets (PASS/FAIL) and a Markdown report.

Pure functions over plain dicts, so the report is tested on tiny made-up inputs. The raw
results are a dict with `machine`, `params`, `corpus`, `corpus_small` and one entry per probe
(`bare1`, `bare2`, `flow1`, `incremental`, `flow_small`, `flow2`, `naive`, `html`); a probe that was
not run is None, and the targets that need it are reported as SKIP.
"""

from dataclasses import dataclass
from statistics import median
from typing import Any

MIB = 1024 * 1024


@dataclass(frozen=True)
class Target:
    """One target of the issue: a measured ratio against its bound."""

    name: str
    value: float | None
    bound: float
    at_least: bool  # True: value >= bound passes; False: value <= bound passes

    @property
    def status(self) -> str:
        if self.value is None:
            return "SKIP"
        ok = self.value >= self.bound if self.at_least else self.value <= self.bound
        return "PASS" if ok else "FAIL"

    def line(self) -> str:
        sign = ">=" if self.at_least else "<="
        shown = "n/a" if self.value is None else f"{self.value:.3f}"
        return f"{self.status} {self.name}: {shown} (target {sign} {self.bound:g})"


def _div(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def derive(results: dict[str, Any]) -> dict[str, float | None]:
    """Rates and ratios from the raw probe figures (None where a probe is missing)."""
    n = results["corpus"]["articles"]
    words = results["corpus"]["words"]
    bare1, bare2 = results.get("bare1"), results.get("bare2")
    flow1, flow2 = results.get("flow1"), results.get("flow2")
    incremental, small, naive = results.get("incremental"), results.get("flow_small"), results.get("naive")
    d: dict[str, float | None] = {}
    d["bare_aps"] = _div(n, bare1 and bare1["seconds"])
    d["bare_wps"] = _div(words, bare1 and bare1["seconds"])
    d["flow_aps"] = _div(n, flow1 and flow1["seconds"])
    d["flow_wps"] = _div(words, flow1 and flow1["seconds"])
    d["flow_ratio"] = _div(d["flow_aps"], d["bare_aps"])
    d["cpu_ratio"] = _div(bare1 and bare1.get("cpu_seconds"), flow1 and flow1.get("cpu_seconds"))
    d["prefect_overhead"] = flow1 and flow1["wall_seconds"] - flow1["seconds"]
    d["flow_wall_aps"] = _div(n, flow1 and flow1["wall_seconds"])
    d["incremental_ratio"] = _div(incremental and incremental["seconds"], flow1 and flow1["seconds"])
    d["incremental_wall_ratio"] = _div(
        incremental and incremental["wall_seconds"], flow1 and flow1["wall_seconds"]
    )
    d["rss_small"] = small and small["peak_rss_self"]
    d["rss_n"] = flow1 and flow1["peak_rss_self"]
    d["rss_ratio"] = _div(d["rss_n"], d["rss_small"])
    d["bare2_aps"] = _div(n, bare2 and bare2["seconds"])
    d["bare_speedup"] = _div(bare1 and bare1["seconds"], bare2 and bare2["seconds"])
    flow2_work = flow2 and flow2["seconds"] - (flow2.get("worker_start_seconds") or 0.0)
    d["flow2_work_seconds"] = flow2_work
    d["flow2_aps"] = _div(n, flow2_work)
    d["flow_speedup"] = _div(flow1 and flow1["seconds"], flow2_work)
    d["flow_speedup_raw"] = _div(flow1 and flow1["seconds"], flow2 and flow2["seconds"])
    d["speedup_ratio"] = _div(d["flow_speedup"], d["bare_speedup"])
    d["naive_aps"] = _div(naive and naive["articles"], naive and naive["seconds"])
    d["naive_ratio"] = _div(d["flow_aps"], d["naive_aps"])
    d["naive_ratio_2"] = _div(d["flow2_aps"], d["naive_aps"])
    default = naive and naive.get("default_pipeline_seconds")
    d["naive_default_seconds"] = default and naive["dateparser_seconds"] + default
    d["naive_default_aps"] = _div(naive and naive["articles"], d["naive_default_seconds"])
    d["naive_default_ratio"] = _div(d["flow_aps"], d["naive_default_aps"])
    d.update(derive_rounds(results))
    d.update(derive_profiles(results))
    page = results.get("html")
    d["html_ms"] = page and 1000 * page["main_seconds"] / page["pages"]
    d["html_full_ms"] = page and 1000 * page["full_seconds"] / page["pages"]
    d["parse_ms"] = _div(1000 * bare1["seconds"], n) if bare1 else None
    d["html_parse_share"] = _div(d["html_ms"], d["parse_ms"])
    # In CPU seconds too: on a shared machine the wall-clock share swings with the other users.
    d["html_cpu_ms"] = (
        page and page.get("main_cpu_seconds") and 1000 * page["main_cpu_seconds"] / page["pages"]
    )
    parse_cpu = bare1 and bare1.get("cpu_seconds")
    d["html_cpu_share"] = _div(d["html_cpu_ms"], _div(1000 * parse_cpu, n) if parse_cpu else None)
    return d


def _round_ratios(paired: dict[str, Any]) -> dict[str, float | None]:
    """One round's flow / bare throughput ratio and two-worker speed-up ratio."""
    bare1, flow1, bare2, flow2 = (paired.get(name) for name in ("bare1", "flow1", "bare2", "flow2"))
    flow2_work = flow2 and flow2["seconds"] - (flow2.get("worker_start_seconds") or 0.0)
    bare_speedup = _div(bare1 and bare1["seconds"], bare2 and bare2["seconds"])
    flow_speedup = _div(flow1 and flow1["seconds"], flow2_work)
    return {
        "flow_ratio": _div(bare1 and bare1["seconds"], flow1 and flow1["seconds"]),
        "cpu_ratio": _div(bare1 and bare1.get("cpu_seconds"), flow1 and flow1.get("cpu_seconds")),
        "speedup_ratio": _div(flow_speedup, bare_speedup),
    }


def derive_rounds(results: dict[str, Any]) -> dict[str, Any]:
    """The ratio targets as the median of paired rounds (bare then flow, back to back).

    On a shared machine the same process can run 15 % slower from one minute to the next, so one
    bare run against one flow run minutes later says little; the median round does not ride on
    one unlucky pair. Without rounds the first (only) pair stands.
    """
    rounds = [_round_ratios(paired) for paired in results.get("rounds") or []]
    found: dict[str, Any] = {}
    for key in ("flow_ratio", "cpu_ratio", "speedup_ratio"):
        values = [r[key] for r in rounds if r[key] is not None]
        found[f"{key}_rounds"] = values
        if values:
            found[key] = median(values)
    return found


def _cpu_ms(probe: dict[str, Any] | None, names: list[str]) -> float | None:
    """CPU milliseconds per article of `names` in a components probe."""
    if not probe or not probe.get("articles"):
        return None
    return 1000 * sum(probe["cpu_seconds"].get(name, 0.0) for name in names) / probe["articles"]


def derive_profiles(results: dict[str, Any]) -> dict[str, float | None]:
    """The lean profile against the full one, the extractors' share, start-up and scores."""
    n = results["corpus"]["articles"]
    bare, lean = results.get("bare1"), results.get("bare1_lean")
    flow, flow_lean = results.get("flow1"), results.get("flow1_lean")
    d: dict[str, float | None] = {}
    d["bare_lean_aps"] = _div(n, lean and lean["seconds"])
    d["flow_lean_aps"] = _div(n, flow_lean and flow_lean["seconds"])
    d["flow_ratio_lean"] = _div(d["flow_lean_aps"], d["bare_lean_aps"])
    d["lean_speedup"] = _div(bare and bare["seconds"], lean and lean["seconds"])
    d["lean_speedup_cpu"] = _div(bare and bare.get("cpu_seconds"), lean and lean.get("cpu_seconds"))
    d["lean_flow_speedup"] = _div(flow and flow["seconds"], flow_lean and flow_lean["seconds"])
    d["rss_lean"] = flow_lean and flow_lean["peak_rss_self"]
    for suffix in ("", "_lean"):
        probe = results.get(f"components{suffix}")
        spacy_ms = _cpu_ms(probe, probe["components"]) if probe else None
        extractors_ms = _cpu_ms(probe, probe["extractors"]) if probe else None
        d[f"spacy_cpu_ms{suffix}"] = spacy_ms
        d[f"extractors_cpu_ms{suffix}"] = extractors_ms
        d[f"extractors_share{suffix}"] = _div(extractors_ms, spacy_ms)
        command = results.get(f"command{suffix}")
        d[f"command_wall{suffix}"] = command and command["wall_seconds"]
    full_scores, lean_scores = results.get("scores"), results.get("scores_lean")
    d["lean_f1_drop"] = (
        max(
            full_scores["kinds"][kind]["f1"] - lean_scores["kinds"][kind]["f1"]
            for kind in full_scores["kinds"]
        )
        if full_scores and lean_scores
        else None
    )
    return d


# `pressfacts run` on the release check's 45 articles must end well within its 70 s timeout.
RELEASE_CHECK_SECONDS = 70
COMFORT = 2 / 3


def targets(d: dict[str, float | None]) -> list[Target]:
    """The targets of issues 8 and 18, in their order."""
    return [
        Target(
            "full run / bare nlp.pipe throughput (Prefect start-up excluded)", d["flow_ratio"], 0.95, True
        ),
        Target("incremental re-run / full run time", d["incremental_ratio"], 0.05, False),
        Target("peak RSS at N / peak RSS at n_small", d["rss_ratio"], 1.2, False),
        Target("two-worker speed-up / bare nlp.pipe n_process=2 speed-up", d["speedup_ratio"], 0.9, True),
        Target("full run / naive approach throughput", d["naive_ratio"], 3.0, True),
        Target("lean: full run / bare nlp.pipe throughput", d.get("flow_ratio_lean"), 0.95, True),
        Target(
            "extractors / spaCy CPU time (full profile, distinct texts)",
            d.get("extractors_share"),
            0.05,
            False,
        ),
        Target("lean / full bare nlp.pipe throughput", d.get("lean_speedup"), 1.6, True),
        Target("largest per-kind F1 drop, lean vs full (gold set)", d.get("lean_f1_drop"), 0.01, False),
        Target(
            f"`pressfacts run` on the distinct texts, wall s (2/3 of the {RELEASE_CHECK_SECONDS} s check)",
            d.get("command_wall"),
            RELEASE_CHECK_SECONDS * COMFORT,
            False,
        ),
    ]


def _num(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def _mib(value: float | None) -> str:
    return "n/a" if value is None else f"{value / MIB:,.0f} MiB"


def _seconds(probe: dict[str, Any] | None, key: str = "seconds") -> str:
    return "n/a" if not probe or probe.get(key) is None else f"{probe[key]:,.1f} s"


def rounds_section(d: dict[str, Any]) -> list[str]:
    """Each paired round's ratios, and the median the targets use."""
    rounds = d.get("flow_ratio_rounds") or []
    if len(rounds) < 2:
        return []

    def shown(key: str) -> str:
        return ", ".join(f"{value:.3f}" for value in d.get(f"{key}_rounds") or []) or "n/a"

    return [
        f"Paired rounds (bare spaCy then the flow, back to back, {len(rounds)} times; the targets use "
        "the median, the table above shows round 1's seconds):",
        "",
        "| ratio | rounds | median |",
        "|---|---|---:|",
        f"| flow / bare, 1 worker | {shown('flow_ratio')} | **{_num(d.get('flow_ratio'), 3)}** |",
        f"| same, in CPU seconds | {shown('cpu_ratio')} | {_num(d.get('cpu_ratio'), 3)} |",
        f"| two-worker speed-up / bare n_process=2's | {shown('speedup_ratio')} | "
        f"**{_num(d.get('speedup_ratio'), 3)}** |",
        "",
    ]


def format_report(results: dict[str, Any]) -> str:
    """The whole result as Markdown: machine, corpus, measurements, then the targets."""
    d = derive(results)
    m, p, c = results["machine"], results["params"], results["corpus"]
    small = results.get("corpus_small") or {}
    flow1, flow2 = results.get("flow1"), results.get("flow2")
    incremental, naive = results.get("incremental"), results.get("naive")
    bare1 = results.get("bare1")
    lines = [
        "# pressfacts benchmark",
        "",
        "## Machine",
        "",
        *(f"- {key}: {value}" for key, value in m.items()),
        "",
        "## Corpus",
        "",
        f"- N = {c['articles']} distinct articles, {c['words']:,} words "
        f"({c['words'] / c['articles']:,.0f} words/article), built from {c['samples']} sample articles "
        "(each with its own closing line, so each has its own hash)",
        f"- n_small = {small.get('articles', 'n/a')} articles (the first ones of the same sequence)",
        f"- batch size {p['batch_size']}; components: {', '.join(bare1['components']) if bare1 else 'n/a'}",
        "",
        "## Measurements (each in a fresh process; model load and imports excluded)",
        "",
        "| measurement | seconds | articles/s | words/s | note |",
        "|---|---:|---:|---:|---|",
        f"| bare `nlp.pipe`, n_process=1 (reference) | {_seconds(bare1)} | {_num(d['bare_aps'])} | "
        f"{_num(d['bare_wps'], 0)} | model load {_seconds(bare1, 'load_seconds')} |",
        f"| full run (flow), 1 worker | {_seconds(flow1)} | {_num(d['flow_aps'])} | "
        f"{_num(d['flow_wps'], 0)} | ratio to bare **{_num(d['flow_ratio'], 3)}**; in CPU seconds of the "
        f"process (less sensitive to other users; includes Prefect's start-up) {_num(d['cpu_ratio'], 3)} |",
        f"| Prefect start-up and teardown (apart) | {_num(d['prefect_overhead'], 1)} s | | | "
        f"flow call {_seconds(flow1, 'wall_seconds')} in all; importing the flow module "
        f"{_seconds(flow1, 'import_seconds')} |",
        f"| incremental re-run, unchanged corpus | {_seconds(incremental)} | | | "
        f"ratio to full run **{_num(d['incremental_ratio'], 3)}** (with Prefect start-up: "
        f"{_seconds(incremental, 'wall_seconds')}, ratio {_num(d['incremental_wall_ratio'], 3)}); "
        f"skipped {incremental['summary']['skipped'] if incremental else 'n/a'} |",
        f"| bare `nlp.pipe`, n_process=2 | {_seconds(results.get('bare2'))} | {_num(d['bare2_aps'])} | | "
        f"speed-up **{_num(d['bare_speedup'])}** x |",
        f"| full run (flow), 2 workers | {_seconds(flow2)} | {_num(d['flow2_aps'])} | | "
        f"speed-up **{_num(d['flow_speedup'])}** x after subtracting the workers' start-up "
        f"({_seconds(flow2, 'worker_start_seconds')}: spawn, imports, model); raw "
        f"{_num(d['flow_speedup_raw'])} x |",
    ]
    if naive:
        lines.append(
            f"| naive: `search_dates` + spaCy NER alone, first {naive['articles']} articles | "
            f"{_seconds(naive)} | {_num(d['naive_aps'])} | | "
            f"dateparser {_seconds(naive, 'dateparser_seconds')}, NER {_seconds(naive, 'ner_seconds')}; "
            f"full run / naive **{_num(d['naive_ratio'])}** x (2 workers: {_num(d['naive_ratio_2'])} x) |"
        )
        lines.append(
            "| naive with the default pipeline instead of NER alone | "
            f"{_num(d['naive_default_seconds'], 1)} s | "
            f"{_num(d['naive_default_aps'])} | | full run / this **{_num(d['naive_default_ratio'])}** x |"
        )
    else:
        lines.append("| naive approach | skipped | | | |")
    page = results.get("html")
    if page:
        lines.append(
            f"| reading an HTML page (`pipelines.html`, main text), {page['pages']} pages of "
            f"{page['page_bytes'] / 1024:,.1f} KiB | {_num(d['html_ms'], 1)} ms/page | | | "
            f"**{_num(d['html_parse_share'] and 100 * d['html_parse_share'], 1)} %** of one article's "
            f"bare parse ({_num(d['parse_ms'], 0)} ms); in CPU time {_num(d['html_cpu_ms'], 1)} ms/page, "
            f"{_num(d['html_cpu_share'] and 100 * d['html_cpu_share'], 1)} % of the parse's; "
            f"`--html full` {_num(d['html_full_ms'], 1)} ms/page |"
        )
    lines += ["", *rounds_section(d)]
    lines += [
        "| peak RSS (flow process, 1 worker) | bytes |",
        "|---|---:|",
        f"| N = {small.get('articles', 'n/a')} | {_mib(d['rss_small'])} |",
        f"| N = {c['articles']} | {_mib(d['rss_n'])} |",
        f"| ratio | **{_num(d['rss_ratio'], 3)}** |",
        "",
        *profiles_section(results, d),
        "## Targets",
        "",
        "```",
        *(t.line() for t in targets(d)),
        "```",
        "",
    ]
    return "\n".join(lines)


def _ms(probe: dict[str, Any] | None, name: str) -> str:
    value = _cpu_ms(probe, [name]) if probe and name in probe["cpu_seconds"] else None
    return "—" if value is None else f"{value:,.1f}"


def profiles_section(results: dict[str, Any], d: dict[str, float | None]) -> list[str]:
    """Both profiles side by side: throughput, memory, start-up, per-component cost, scores."""
    full, lean = results.get("components"), results.get("components_lean")
    lines = [
        "## Profiles side by side",
        "",
        "| | full | lean | lean / full |",
        "|---|---:|---:|---:|",
        f"| bare `nlp.pipe`, articles/s | {_num(d['bare_aps'])} | {_num(d.get('bare_lean_aps'))} | "
        f"**{_num(d.get('lean_speedup'))}** x (CPU {_num(d.get('lean_speedup_cpu'))} x) |",
        f"| flow, articles/s | {_num(d['flow_aps'])} | {_num(d.get('flow_lean_aps'))} | "
        f"{_num(d.get('lean_flow_speedup'))} x |",
        f"| flow / bare | {_num(d['flow_ratio'], 3)} | {_num(d.get('flow_ratio_lean'), 3)} | |",
        f"| peak RSS, flow, N = {results['corpus']['articles']} | {_mib(d['rss_n'])} | "
        f"{_mib(d.get('rss_lean'))} | |",
        f"| `pressfacts run` on the distinct texts, wall s (start-up included) | "
        f"{_num(d.get('command_wall'), 1)} | {_num(d.get('command_wall_lean'), 1)} | |",
    ]
    for suffix, label in (("", "full"), ("_lean", "lean")):
        command = results.get(f"command{suffix}")
        if command:
            lines.append(
                f"| … {label}: start-up (imports, server, model) / flow / CPU s (all processes) / load | "
                f"{_num(command.get('startup_seconds'), 1)} / {_num(command.get('flow_seconds'), 1)} / "
                f"{_num(command.get('cpu_seconds'), 1)} / {command['load_average'][0]:.2f} | | |"
            )
    if full or lean:
        probe = full or lean
        lines += [
            "",
            f"Per-article CPU milliseconds on {probe['articles']} distinct texts "
            f"({probe['tokens'] / probe['articles']:,.0f} tokens each), components then extractors:",
            "",
            "| step | full | lean |",
            "|---|---:|---:|",
        ]
        names = list(
            dict.fromkeys([*(full or {}).get("components", []), *(lean or {}).get("components", [])])
        )
        lines += [f"| {name} | {_ms(full, name)} | {_ms(lean, name)} |" for name in names]
        lines.append(
            f"| **spaCy, all** | **{_num(d.get('spacy_cpu_ms'), 1)}** | "
            f"**{_num(d.get('spacy_cpu_ms_lean'), 1)}** |"
        )
        lines += [f"| {name} | {_ms(full, name)} | {_ms(lean, name)} |" for name in probe["extractors"]]
        share, share_lean = d.get("extractors_share"), d.get("extractors_share_lean")
        lines.append(
            f"| **extractors, all (share of spaCy)** | **{_num(d.get('extractors_cpu_ms'), 1)}** "
            f"({_num(share and 100 * share, 1)} %) | **{_num(d.get('extractors_cpu_ms_lean'), 1)}** "
            f"({_num(share_lean and 100 * share_lean, 1)} %) |"
        )
    scores, scores_lean = results.get("scores"), results.get("scores_lean")
    if scores or scores_lean:
        lines += [
            "",
            "Scores per kind on the gold set (F1; P / R):",
            "",
            "| kind | full | lean |",
            "|---|---|---|",
        ]
        for kind in (scores or scores_lean)["kinds"]:
            cells = []
            for probe in (scores, scores_lean):
                k = probe["kinds"][kind] if probe else None
                cells.append(f"{k['f1']:.3f} ({k['precision']:.3f} / {k['recall']:.3f})" if k else "n/a")
            lines.append(f"| {kind} | {cells[0]} | {cells[1]} |")
        macro = [probe["macro_f1"] if probe else "n/a" for probe in (scores, scores_lean)]
        lines.append(f"| macro F1 | {macro[0]} | {macro[1]} |")
    lines.append("")
    return lines
