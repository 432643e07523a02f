// The HTML report's inline style sheet and script. Neither may contain `</` (the script is not
// escaped; HTMLTests checks) and neither loads anything: the page's CSP forbids it anyway.

extension HTMLReporter {
    static let css = #"""

:root {
  --critical: #c92a2a; --high: #e8590c; --medium: #f0a202; --medium-ink: #a86b00; --low: #1971c2; --other: #868e96;
  --ink: #1d2330; --muted: #5f6b7a; --line: #dee2e6; --soft: #f6f7f9; --accent: #3b5bdb;
  color-scheme: light;
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 1480px; padding: 24px 28px 48px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
}
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 30px 0 8px; }
h3 { font-size: 12px; margin: 0 0 8px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
header { border-bottom: 1px solid var(--line); padding-bottom: 12px; }
.sub, .hint, .muted { color: var(--muted); }
.sub, .hint { margin: 0 0 8px; }
.incomplete, .bad { color: var(--critical); font-weight: 600; }
.ok { color: #2b8a3e; font-weight: 600; }
.danger { margin: 8px 0 0; padding: 8px 12px; border: 1px solid var(--critical); border-radius: 6px; background: #fff5f5; color: var(--critical); font-weight: 600; }
#errors { background: #fff5f5; border: 1px solid var(--critical); color: var(--critical); padding: 8px 12px; white-space: pre-wrap; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { min-width: 128px; padding: 10px 16px; border: 1px solid var(--line); border-top: 5px solid var(--other); border-radius: 8px; background: var(--soft); }
.card .num { font-size: 30px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.card .label { color: var(--muted); }
.card.total { border-top-color: var(--ink); }
.card.muted { border-top-color: #ced4da; }
.card.muted .num { color: var(--muted); }
.card.lvl-critical { border-top-color: var(--critical); } .card.lvl-critical .num { color: var(--critical); }
.card.lvl-high { border-top-color: var(--high); } .card.lvl-high .num { color: var(--high); }
.card.lvl-medium { border-top-color: var(--medium); } .card.lvl-medium .num { color: var(--medium-ink); }
.card.lvl-low { border-top-color: var(--low); } .card.lvl-low .num { color: var(--low); }
.card.zero .num { color: #adb5bd; }
.llm { margin: 14px 0; padding: 10px 14px; border: 1px solid #ffc078; border-left: 6px solid var(--high); border-radius: 8px; background: #fff4e6; }
.llm.none { background: var(--soft); border-color: var(--line); border-left-color: #ced4da; }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 16px; }
.panel { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.scroll { max-height: 16em; overflow: auto; }
table.counts { border-collapse: collapse; width: 100%; }
table.counts td { padding: 3px 6px; border-bottom: 1px solid #f1f3f5; overflow-wrap: anywhere; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; }
#warnings { margin-top: 8px; }
#warnings ul { margin: 4px 0; padding-left: 18px; overflow-wrap: anywhere; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 13px; }
.colhead, .rowhead { font-weight: 600; fill: var(--muted); }
.rowhead.lvl-critical { fill: var(--critical); } .rowhead.lvl-high { fill: var(--high); }
.rowhead.lvl-medium { fill: var(--medium-ink); } .rowhead.lvl-low { fill: var(--low); }
.cell text { font-size: 17px; font-weight: 700; font-variant-numeric: tabular-nums; }
.cell[role=button], .bar[role=button] { cursor: pointer; }
.cell[role=button]:hover rect, .cell:focus rect { stroke: var(--ink); stroke-width: 2; }
.cell.sel rect { stroke: var(--accent); stroke-width: 4; }
.cell:focus, .bar:focus { outline: none; }
.bar rect { fill: #748ffc; }
.bar.others rect { fill: #ced4da; }
.bar[role=button]:hover rect, .bar:focus rect, .bar.sel rect { fill: var(--accent); }
.barlabel { fill: var(--ink); }
.barnum { fill: var(--muted); font-variant-numeric: tabular-nums; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 6px; }
.controls input { flex: 1 1 300px; min-width: 200px; padding: 6px 10px; font: inherit; border: 1px solid #ced4da; border-radius: 6px; }
select, button { font: inherit; padding: 5px 10px; border: 1px solid #ced4da; border-radius: 6px; background: #fff; color: inherit; }
button { cursor: pointer; }
button:disabled { opacity: .45; cursor: default; }
button.chip { background: #edf2ff; border-color: #91a7ff; margin-right: 6px; }
#status { margin: 6px 0; color: var(--muted); }
.tablewrap { border: 1px solid var(--line); border-radius: 8px; }
table.findings { border-collapse: collapse; width: 100%; font-size: 13px; }
table.findings th { position: sticky; top: 0; z-index: 1; background: #f1f3f5; text-align: left; padding: 8px; border-bottom: 1px solid var(--line); white-space: nowrap; }
th.sortable { cursor: pointer; user-select: none; }
th.sortable::after { content: " \2195"; color: #adb5bd; }
th[aria-sort=ascending]::after { content: " \25B2"; color: var(--ink); }
th[aria-sort=descending]::after { content: " \25BC"; color: var(--ink); }
table.findings td { padding: 7px 8px; border-bottom: 1px solid #f1f3f5; vertical-align: top; }
table.findings tbody tr:nth-child(even) { background: #fafbfc; }
table.findings tbody tr:hover { background: #f3f6ff; }
.score { font-weight: 700; font-size: 15px; margin-right: 6px; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 11.5px; font-weight: 600; color: #fff; background: var(--other); white-space: nowrap; }
.badge.lvl-critical { background: var(--critical); } .badge.lvl-high { background: var(--high); }
.badge.lvl-medium { background: var(--medium); color: #2e1f00; } .badge.lvl-low { background: var(--low); }
.small { font-size: 12px; color: var(--muted); }
.tag { display: inline-block; margin: 3px 4px 0 0; padding: 0 6px; border-radius: 4px; background: #f1f3f5; font-size: 11.5px; color: var(--muted); }
.tag.llm { background: #fff4e6; color: #d9480f; font-weight: 600; }
td.loc { max-width: 360px; }
td.loc code, td.secret code, .ctx, .why .small { overflow-wrap: anywhere; }
td.owner { min-width: 8em; overflow-wrap: break-word; }
td.secret { max-width: 220px; }
td.why { min-width: 120px; max-width: 380px; }
.why summary { cursor: pointer; color: var(--accent); white-space: nowrap; }
.why details[open] { min-width: 200px; }
.why ul { margin: 6px 0; padding-left: 18px; }
.ctx { display: block; margin-top: 2px; padding: 4px 6px; white-space: pre-wrap; background: #f8f9fa; border: 1px solid #e9ecef; border-radius: 4px; }
.pager { display: flex; gap: 12px; align-items: center; justify-content: center; margin: 10px 0; }
#suppressed > summary { cursor: pointer; margin: 30px 0 8px; }
#suppressed > summary h2 { display: inline; margin: 0; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@page { size: landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .controls, .pager, button, .hint, #errors[hidden] { display: none !important; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  #summary, #matrix-section, #teams-section { break-inside: avoid; }
  table.findings { font-size: 8.5pt; }
  table.findings th { position: static; }
  th.sortable::after { content: none; }
  table.findings th { white-space: normal; }
  table.findings td { padding: 4px 5px; }
  table.findings tr { break-inside: avoid; }
  .tablewrap { border: 0; }
}

"""#

    static let script = #"""

"use strict";
(function () {
  var errorsEl = document.getElementById("errors");
  function fail(message) {
    errorsEl.hidden = false;
    errorsEl.textContent += message + "\n";
  }
  window.onerror = function (message, source, line, column) {
    fail("error: " + message + " (line " + line + ":" + column + ")");
  };
  window.addEventListener("unhandledrejection", function (e) { fail("unhandled rejection: " + String(e.reason)); });

  var LEVELS = { critical: 4, high: 3, medium: 2, low: 1 };
  var NO_OWNER = "(no owner)";
  var PRINT_MAX = 2000;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function levelClass(level) { return LEVELS[level] ? "lvl-" + level : "lvl-other"; }
  function badge(level) { return el("span", "badge " + levelClass(level), level); }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function activate(node, action) {
    node.addEventListener("click", action);
    node.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); action(); }
    });
  }

  // One row of a findings table (every text through textContent).
  function riskCell(f) {
    var td = el("td", "risk");
    td.appendChild(el("span", "score", f.score));
    td.appendChild(badge(f.level));
    return td;
  }
  function ruleCell(f) {
    var td = el("td", "rule");
    td.appendChild(el("div", null, f.ruleName));
    td.appendChild(el("div", "small mono", f.rule));
    if (f.tags.length) {
      var tags = el("div", "tags");
      f.tags.forEach(function (t) { tags.appendChild(el("span", t === "llmjacking" ? "tag llm" : "tag", t)); });
      td.appendChild(tags);
    }
    return td;
  }
  function providerCell(f) {
    var td = el("td", "provider", f.provider);
    td.appendChild(el("div", "small", f.category));
    return td;
  }
  function locationCell(f) {
    var td = el("td", "loc");
    td.appendChild(el("code", null, f.file + ":" + f.line));
    var notes = ["column " + f.column];
    if (f.commit) notes.push("commit " + f.commit.slice(0, 12));
    if (f.decoded) notes.push("decoded from " + f.decoded);
    if (f.presentAtHead === false) notes.push("no longer at HEAD");
    td.appendChild(el("div", "small", notes.join(" · ")));
    return td;
  }
  function ownerCell(f) {
    var td = el("td", "owner");
    if (f.teams.length) f.teams.forEach(function (t) { td.appendChild(el("div", null, t)); });
    else td.appendChild(el("div", "muted", NO_OWNER));
    if (f.author) td.appendChild(el("div", "small", f.author));
    return td;
  }
  function ageCell(f) {
    var td = el("td", "n age", f.ageDays === undefined ? "\u2014" : f.ageDays);
    if (f.introduced) td.title = "introduced " + f.introduced + (f.ageSource ? " (" + f.ageSource + ")" : "");
    return td;
  }
  function blastCell(f) {
    var td = el("td", "blast");
    td.appendChild(badge(f.blast));
    td.appendChild(el("div", "small", f.lifetime));
    if (f.caps.length) td.appendChild(el("div", "small", f.caps.join(", ")));
    return td;
  }
  function whyCell(f, open) {
    var td = el("td", "why");
    var d = el("details");
    if (open) d.open = true;
    d.appendChild(el("summary", null, plural(f.reasons.length, "reason")));
    if (f.reasons.length) {
      var ul = el("ul");
      f.reasons.forEach(function (r) { ul.appendChild(el("li", null, r)); });
      d.appendChild(ul);
    }
    d.appendChild(el("div", "small", "context"));
    d.appendChild(el("code", "ctx", f.context));
    var meta = ["fingerprint " + f.fingerprint];
    if (f.email) meta.push(f.email);
    if (f.introduced) meta.push("introduced " + f.introduced);
    d.appendChild(el("div", "small", meta.join(" · ")));
    td.appendChild(d);
    return td;
  }
  function secretCell(f) {
    var td = el("td", "secret");
    td.appendChild(el("code", null, f.secret));
    td.appendChild(el("div", "small", f.secretLength + " bytes" + (f.redacted ? ", redacted" : ", shown in full")));
    return td;
  }
  function findingRow(f, open) {
    var tr = el("tr", "frow");
    tr.appendChild(riskCell(f));
    tr.appendChild(ruleCell(f));
    tr.appendChild(providerCell(f));
    tr.appendChild(locationCell(f));
    tr.appendChild(ownerCell(f));
    tr.appendChild(ageCell(f));
    tr.appendChild(blastCell(f));
    tr.appendChild(whyCell(f, open));
    tr.appendChild(secretCell(f));
    return tr;
  }
  function suppressedRow(f) {
    var tr = el("tr", "srow");
    tr.appendChild(riskCell(f));
    tr.appendChild(ruleCell(f));
    tr.appendChild(providerCell(f));
    tr.appendChild(locationCell(f));
    tr.appendChild(ownerCell(f));
    tr.appendChild(el("td", null, f.suppression));
    tr.appendChild(el("td", "small", f.justification));
    tr.appendChild(secretCell(f));
    return tr;
  }
  function fill(tbody, list, from, to, make) {
    var frag = document.createDocumentFragment();
    for (var i = from; i < to; i++) frag.appendChild(make(list[i]));
    tbody.textContent = "";
    tbody.appendChild(frag);
  }
  function prepare(f, i) {
    f.i = i;
    f.teams = f.teams || [];
    f.tags = f.tags || [];
    f.caps = f.caps || [];
    f.reasons = f.reasons || [];
    f.teamList = f.teams.length ? f.teams : [NO_OWNER];
    // Sort keys: case-insensitive text.
    f.ruleKey = (f.ruleName + "\n" + f.rule).toLowerCase();
    f.providerKey = f.provider.toLowerCase();
    f.ownerKey = (f.teamList.join(" ") + "\n" + (f.author || "")).toLowerCase();
    f.hay = [f.rule, f.ruleName, f.provider, f.category, f.file + ":" + f.line, f.teamList.join(" "),
      f.author || "", f.email || "", f.context, f.caps.join(" "), f.tags.join(" "), f.lifetime, f.blast,
      f.level, f.fingerprint, f.commit || "", f.decoded || ""].join("\n").toLowerCase();
  }

  var SORTS = {
    score: function (a, b) { return a.score - b.score; },
    rule: function (a, b) { return cmp(a.ruleKey, b.ruleKey); },
    provider: function (a, b) { return cmp(a.providerKey, b.providerKey); },
    location: function (a, b) { return cmp(a.file, b.file) || a.line - b.line || a.column - b.column; },
    owner: function (a, b) { return cmp(a.ownerKey, b.ownerKey); },
    age: function (a, b) { return a.ageDays - b.ageDays; },
    blast: function (a, b) { return (LEVELS[a.blast] || 0) - (LEVELS[b.blast] || 0) || cmp(a.lifetime, b.lifetime); }
  };
  var DESCENDING_FIRST = { score: true, age: true, blast: true };

  function main() {
    var t0 = performance.now();
    var data = JSON.parse(document.getElementById("data").textContent);
    var all = data.findings;
    var pageSize = data.pageSize > 0 ? data.pageSize : 200;
    all.forEach(prepare);
    data.suppressed.forEach(prepare);

    setUpSuppressed(data.suppressed, pageSize);
    var rowsEl = document.getElementById("rows");
    if (rowsEl) setUpFindings(all, pageSize, rowsEl);

    document.body.dataset.renderMs = String(Math.round(performance.now() - t0));
    document.body.dataset.ready = "1";
  }

  function setUpSuppressed(list, pageSize) {
    var tbody = document.getElementById("srows");
    if (!tbody) return;
    var page = 0, pages = Math.max(1, Math.ceil(list.length / pageSize));
    var prev = document.getElementById("sprev"), next = document.getElementById("snext");
    function render() {
      fill(tbody, list, page * pageSize, Math.min(list.length, (page + 1) * pageSize), suppressedRow);
      document.getElementById("spage").textContent = "Page " + (page + 1) + " of " + pages;
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }
    prev.addEventListener("click", function () { if (page > 0) { page--; render(); } });
    next.addEventListener("click", function () { if (page < pages - 1) { page++; render(); } });
    render();
  }

  function setUpFindings(all, pageSize, rowsEl) {
    var state = { q: "", risk: "", provider: "", team: "", blast: "", age: "", sort: "score", dir: -1, page: 0 };
    var view = all, pages = 1;
    var q = document.getElementById("q");
    var riskSel = document.getElementById("f-risk");
    var providerSel = document.getElementById("f-provider");
    var chips = document.getElementById("chips");
    var statusEl = document.getElementById("status");
    var pageEl = document.getElementById("page");
    var prev = document.getElementById("prev"), next = document.getElementById("next");
    var headers = Array.prototype.slice.call(document.querySelectorAll("#findings th[data-key]"));
    var cells = Array.prototype.slice.call(document.querySelectorAll("#matrix .cell[role=button]"));
    var bars = Array.prototype.slice.call(document.querySelectorAll("#team-chart .bar[data-team]"));

    // The URL fragment holds the state: #q=aws&risk=critical&sort=-age&page=2
    function readHash() {
      var p;
      try { p = new URLSearchParams(location.hash.replace(/^#/, "")); } catch (e) { return; }
      ["q", "risk", "provider", "team", "blast", "age"].forEach(function (k) { state[k] = p.get(k) || ""; });
      var sort = p.get("sort") || "";
      var key = sort.replace(/^-/, "");
      if (SORTS[key]) { state.sort = key; state.dir = sort.charAt(0) === "-" ? -1 : 1; }
      var page = parseInt(p.get("page") || "1", 10);
      state.page = page > 0 ? page - 1 : 0;
    }
    function writeHash() {
      var p = new URLSearchParams();
      ["q", "risk", "provider", "team", "blast", "age"].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
      if (state.sort !== "score" || state.dir !== -1) p.set("sort", (state.dir < 0 ? "-" : "") + state.sort);
      if (state.page > 0) p.set("page", String(state.page + 1));
      var s = p.toString();
      try { history.replaceState(null, "", s ? "#" + s : location.pathname + location.search); } catch (e) { /* file: URLs in some browsers */ }
    }

    function matches(terms) {
      return function (f) {
        if (state.risk && f.level !== state.risk) return false;
        if (state.provider && f.provider !== state.provider) return false;
        if (state.blast && f.blast !== state.blast) return false;
        if (state.age && f.ageBucket !== state.age) return false;
        if (state.team && f.teamList.indexOf(state.team) < 0) return false;
        for (var i = 0; i < terms.length; i++) if (f.hay.indexOf(terms[i]) < 0) return false;
        return true;
      };
    }
    function recompute() {
      var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
      var filtered = all.filter(matches(terms));
      var by = SORTS[state.sort], dir = state.dir, isAge = state.sort === "age";
      filtered.sort(function (a, b) {
        if (isAge) {
          var ua = a.ageDays === undefined, ub = b.ageDays === undefined;
          if (ua !== ub) return ua ? 1 : -1;
          if (ua) return a.i - b.i;
        }
        return dir * by(a, b) || a.i - b.i;
      });
      view = filtered;
      pages = Math.max(1, Math.ceil(view.length / pageSize));
      if (state.page >= pages) state.page = pages - 1;
    }

    function chip(label, clear) {
      var b = el("button", "chip", label + "  \u2715");
      b.type = "button";
      b.title = "Remove this filter";
      b.addEventListener("click", function () { clear(); update(true); });
      chips.appendChild(b);
    }
    function renderControls() {
      if (q.value !== state.q) q.value = state.q;
      riskSel.value = state.risk;
      providerSel.value = state.provider;
      chips.textContent = "";
      if (state.blast || state.age) {
        var label = "blast radius " + (state.blast || "any") + ", age " + (state.age || "any");
        cells.forEach(function (c) {
          if (c.dataset.blast === state.blast && c.dataset.age === state.age) {
            label = "matrix: " + c.getAttribute("aria-label").replace(/^[0-9]+ findings?, /, "");
          }
        });
        chip(label, function () { state.blast = ""; state.age = ""; });
      }
      if (state.team) chip("team: " + state.team, function () { state.team = ""; });
      if (state.risk && riskSel.value !== state.risk) chip("risk: " + state.risk, function () { state.risk = ""; });
      if (state.provider && providerSel.value !== state.provider) chip("provider: " + state.provider, function () { state.provider = ""; });
      cells.forEach(function (c) {
        c.classList.toggle("sel", c.dataset.blast === state.blast && c.dataset.age === state.age);
      });
      bars.forEach(function (b) { b.classList.toggle("sel", b.dataset.team === state.team); });
      headers.forEach(function (h) {
        var s = h.dataset.key === state.sort ? (state.dir < 0 ? "descending" : "ascending") : "none";
        h.setAttribute("aria-sort", s);
      });
    }
    function renderPage() {
      var from = state.page * pageSize, to = Math.min(view.length, from + pageSize);
      fill(rowsEl, view, from, to, function (f) { return findingRow(f, false); });
      if (view.length === 0) {
        statusEl.textContent = "No finding matches the filters (" + plural(all.length, "finding") + " in total).";
      } else if (view.length === all.length) {
        statusEl.textContent = "Showing " + (from + 1) + "\u2013" + to + " of " + plural(all.length, "finding") + ".";
      } else {
        statusEl.textContent = "Showing " + (from + 1) + "\u2013" + to + " of " + view.length +
          " matching (" + plural(all.length, "finding") + " in total).";
      }
      pageEl.textContent = "Page " + (state.page + 1) + " of " + pages;
      prev.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
    }
    function update(resetPage) {
      if (resetPage) state.page = 0;
      recompute();
      renderControls();
      renderPage();
      writeHash();
    }

    var typing = 0;
    q.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { state.q = q.value; update(true); }, 120);
    });
    riskSel.addEventListener("change", function () { state.risk = riskSel.value; update(true); });
    providerSel.addEventListener("change", function () { state.provider = providerSel.value; update(true); });
    document.getElementById("clear").addEventListener("click", function () {
      state.q = ""; state.risk = ""; state.provider = ""; state.team = ""; state.blast = ""; state.age = "";
      update(true);
    });
    prev.addEventListener("click", function () { if (state.page > 0) { state.page--; renderPage(); writeHash(); } });
    next.addEventListener("click", function () { if (state.page < pages - 1) { state.page++; renderPage(); writeHash(); } });
    headers.forEach(function (h) {
      activate(h, function () {
        var key = h.dataset.key;
        if (state.sort === key) state.dir = -state.dir;
        else { state.sort = key; state.dir = DESCENDING_FIRST[key] ? -1 : 1; }
        update(true);
      });
    });
    function showTable() {
      var section = document.getElementById("findings-section");
      if (section.scrollIntoView) section.scrollIntoView({ block: "start" });
    }
    cells.forEach(function (c) {
      activate(c, function () {
        var same = state.blast === c.dataset.blast && state.age === c.dataset.age;
        state.blast = same ? "" : c.dataset.blast;
        state.age = same ? "" : c.dataset.age;
        update(true);
        if (!same) showTable();
      });
    });
    bars.forEach(function (b) {
      activate(b, function () {
        var same = state.team === b.dataset.team;
        state.team = same ? "" : b.dataset.team;
        update(true);
        if (!same) showTable();
      });
    });
    window.addEventListener("hashchange", function () { readHash(); update(false); });
    // Printing lists every matching finding (up to PRINT_MAX) with its reasons open.
    window.addEventListener("beforeprint", function () {
      var to = Math.min(view.length, PRINT_MAX);
      fill(rowsEl, view, 0, to, function (f) { return findingRow(f, true); });
      if (view.length > to) statusEl.textContent = "Printing the first " + to + " of " + view.length + " findings.";
    });
    window.addEventListener("afterprint", renderPage);

    readHash();
    recompute();
    renderControls();
    renderPage();
  }

  try { main(); } catch (e) { fail("error: " + (e && e.stack ? e.stack : String(e))); }
})();

"""#
}
