/* succession: browse tenures and read the evidence.
 *
 * Vanilla JS, no dependencies, no network beyond this server's JSON API. Every piece of data (article
 * text, names, titles) reaches the page through textContent, createTextNode or setAttribute, never as
 * markup: no string is ever parsed as HTML. Views are chosen by the URL hash:
 *   #/                     overview (organisations, people, stories)
 *   #/org/NAME             tenure chart of one organisation (a lane per role)
 *   #/person/NAME          career across organisations (a lane per organisation)
 *   #/doc/ID[/START/END]   one article, its evidence highlighted (START:END emphasised)
 *   #/story/ID             the versions of one story side by side
 *   #/stories              stories with several articles
 *   #/search/WORDS         people, organisations and articles matching the words
 */
(function () {
  "use strict";

  const SVG_NS = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  const LABEL_W = 170; // the chart's lane label column, px
  const ROW_H = 24;
  const AXIS_H = 28;
  const MARKED = new Set(["rumoured", "negated", "planned", "uncertain"]);

  // ------------------------------------------------------------------------------------ DOM helpers

  /** An element; attrs set with setAttribute (functions become listeners); children as text nodes. */
  function build(doc, ns, tag, attrs, children) {
    const node = ns ? doc.createElementNS(ns, tag) : doc.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (typeof value === "function") node.addEventListener(key.replace(/^on/, ""), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "object" ? child : doc.createTextNode(String(child)));
    }
    return node;
  }
  const h = (tag, attrs, ...children) => build(document, null, tag, attrs, children);
  const s = (tag, attrs, ...children) => build(document, SVG_NS, tag, attrs, children);

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** Only http(s) links leave the page; anything else (javascript:, data:) is shown as text. */
  function safeUrl(url) {
    if (!url) return null;
    try {
      const parsed = new URL(url, location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  const shorten = (text, n) => (text.length > n ? text.slice(0, n - 1) + "…" : text);

  const route = (...parts) => "#/" + parts.map((p) => encodeURIComponent(String(p))).join("/");

  // ------------------------------------------------------------------------------------------ API

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") query.set(key, value);
    }
    const qs = query.toString();
    const response = await fetch(path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || response.statusText);
      const error = new Error(detail);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  // ---------------------------------------------------------------------------------------- dates

  function dayMs(value) {
    if (!value) return null;
    const text = value.length === 4 ? value + "-01-01" : value.length === 7 ? value + "-01" : value;
    const ms = Date.parse(text + "T00:00:00Z");
    return Number.isNaN(ms) ? null : ms;
  }

  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

  /** A date for people: '2031-03-29', '2031-03-29*' (inferred), a window, '≤ …', '≥ …' or '?'. */
  function when(value, earliest, latest, inferred) {
    if (value) return value + (inferred ? "*" : "");
    if (earliest && latest) return earliest === latest ? earliest : earliest + "…" + latest;
    if (earliest) return "≥ " + earliest;
    if (latest) return "≤ " + latest;
    return "?";
  }

  function tenureFrom(t) {
    return when(t.start, t.start_earliest, t.start_latest, t.start_inferred);
  }

  function tenureUntil(t) {
    if (t.status === "current") return "now";
    return when(t.end, t.end_earliest, t.end_latest, t.end_inferred);
  }

  function eventWhen(e) {
    return when(e.date, e.earliest, e.latest, false);
  }

  // -------------------------------------------------------------------------------- text with marks

  /** Article text with highlighted ranges (code-point offsets, as the server counts them). */
  function markedText(text, ranges, selected) {
    const chars = Array.from(text);
    const cuts = new Set([0, chars.length]);
    for (const r of ranges) {
      cuts.add(Math.max(0, Math.min(chars.length, r.start)));
      cuts.add(Math.max(0, Math.min(chars.length, r.end)));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const out = h("div", { class: "article-text" });
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = chars.slice(a, b).join("");
      const covering = ranges.filter((r) => r.start <= a && b <= r.end);
      if (!covering.length) {
        out.appendChild(document.createTextNode(piece));
        continue;
      }
      const isSelected = selected && selected.start <= a && b <= selected.end;
      out.appendChild(h("mark", {
        class: isSelected ? "hl hl-selected" : "hl",
        title: covering.map((r) => r.label).filter(Boolean).join("\n") || null,
      }, piece));
    }
    return out;
  }

  /** A search snippet: the words between [ and ] are marked. */
  function snippet(text) {
    const out = h("span", { class: "snippet" });
    text.split(/(\[[^\]]*\])/).forEach((part) => {
      if (part.startsWith("[") && part.endsWith("]")) out.appendChild(h("mark", { class: "hl" }, part.slice(1, -1)));
      else if (part) out.appendChild(document.createTextNode(part));
    });
    return out;
  }

  // ---------------------------------------------------------------------------------- time scale

  function domainOf(tenures, events) {
    let values = [];
    for (const t of tenures) {
      for (const v of [t.start_earliest, t.start_latest, t.end_earliest, t.end_latest]) values.push(dayMs(v));
    }
    values = values.filter((v) => v !== null);
    if (!values.length) {
      for (const e of events) values.push(dayMs(e.earliest), dayMs(e.latest));
      values = values.filter((v) => v !== null);
    }
    if (!values.length) {
      const now = Date.now();
      return [now - 365 * DAY, now];
    }
    let [lo, hi] = [Math.min(...values), Math.max(...values)];
    const pad = Math.max((hi - lo) * 0.08, 7 * DAY);
    [lo, hi] = [lo - pad, hi + pad];
    if (hi - lo < 30 * DAY) {
      const mid = (lo + hi) / 2;
      [lo, hi] = [mid - 15 * DAY, mid + 15 * DAY];
    }
    return [lo, hi];
  }

  const TICK_STEPS = [
    [DAY, "day"], [2 * DAY, "day"], [7 * DAY, "day"], [14 * DAY, "day"], [30 * DAY, "month"],
    [91 * DAY, "month"], [182 * DAY, "month"], [365 * DAY, "year"], [2 * 365 * DAY, "year"],
    [5 * 365 * DAY, "year"], [10 * 365 * DAY, "year"], [25 * 365 * DAY, "year"], [100 * 365 * DAY, "year"],
  ];

  function ticks(lo, hi, width) {
    const wanted = Math.max(2, Math.floor(width / 90));
    const [step, unit] = TICK_STEPS.find(([ms]) => (hi - lo) / ms <= wanted) || TICK_STEPS[TICK_STEPS.length - 1];
    const out = [];
    const start = new Date(lo);
    let t = Date.UTC(start.getUTCFullYear(), unit === "year" ? 0 : start.getUTCMonth(), unit === "day" ? start.getUTCDate() : 1);
    const months = Math.round(step / (30 * DAY));
    const years = Math.round(step / (365 * DAY));
    for (let guard = 0; t <= hi && guard < 500; guard++) {
      if (t >= lo) out.push([t, unit === "year" ? isoDay(t).slice(0, 4) : unit === "month" ? isoDay(t).slice(0, 7) : isoDay(t)]);
      const d = new Date(t);
      if (unit === "day") t += step;
      else if (unit === "month") t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
      else t = Date.UTC(d.getUTCFullYear() + years, 0, 1);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------- chart

  /** Where a tenure's bar goes: the possible span [a, d] and the definite span [b, c] (null: none). */
  function barSpan(t, lo, hi) {
    const sE = dayMs(t.start_earliest), sL = dayMs(t.start_latest);
    const eE = dayMs(t.end_earliest), eL = dayMs(t.end_latest);
    const open = t.status !== "ended";
    const a = sE === null ? lo : sE;
    const d = eL === null ? hi : eL;
    let b = sL, c = eE;
    if (c === null && open && b !== null) c = hi; // held from b until now
    const definite = b !== null && c !== null && b <= c ? [b, c] : null;
    return { a, b: definite && definite[0], c: definite && definite[1], d, openStart: sE === null, openEnd: eL === null,
             unknown: sE === null && eL === null && !definite };
  }

  /** Rows inside a lane so that bars (with their labels) never overlap. */
  function packRows(items) {
    const rowEnds = [];
    for (const item of items.sort((p, q) => p.x1 - q.x1)) {
      let row = rowEnds.findIndex((end) => end + 6 <= item.x1);
      if (row < 0) {
        row = rowEnds.length;
        rowEnds.push(0);
      }
      rowEnds[row] = Math.max(item.x2, item.x1 + item.labelW);
      item.row = row;
    }
    return Math.max(1, rowEnds.length);
  }

  function markerOf(e) {
    return MARKED.has(e.modality) || e.status === "retracted" || e.status === "superseded";
  }

  function markerShape(e, x, y) {
    const kind = e.status === "retracted" ? "negated" : e.modality;
    const common = { class: "marker marker-" + kind + (e.status === "superseded" ? " superseded" : "") };
    if (kind === "negated") return s("path", { ...common, d: `M${x - 5},${y - 5}L${x + 5},${y + 5}M${x + 5},${y - 5}L${x - 5},${y + 5}` });
    if (kind === "planned") return s("path", { ...common, d: `M${x},${y - 6}L${x + 6},${y}L${x},${y + 6}L${x - 6},${y}Z` });
    if (kind === "uncertain") return s("path", { ...common, d: `M${x},${y - 6}L${x + 6},${y + 5}L${x - 6},${y + 5}Z` });
    return s("circle", { ...common, cx: x, cy: y, r: 5.5 }); // rumoured
  }

  /**
   * The tenure chart. opts: tenures, events, laneOf(record) -> key, laneLabel(key, records), barLabel(tenure),
   * onSelect(kind, record), domain [lo, hi], width.
   */
  function chart(opts) {
    const [lo, hi] = opts.domain;
    const width = Math.max(640, opts.width);
    const plotW = width - LABEL_W - 16;
    const x = (ms) => LABEL_W + ((Math.max(lo, Math.min(hi, ms)) - lo) / (hi - lo)) * plotW;
    const lanes = new Map();
    const lane = (key) => {
      if (!lanes.has(key)) lanes.set(key, { key, bars: [], markers: [] });
      return lanes.get(key);
    };
    for (const t of opts.tenures) {
      const span = barSpan(t, lo, hi);
      const x1 = x(span.a), x2 = Math.max(x(span.d), x(span.a) + 8);
      const label = opts.barLabel(t);
      lane(opts.laneOf(t)).bars.push({ t, span, x1, x2, label, labelW: 12 + label.length * 6.4 });
    }
    for (const e of opts.events.filter(markerOf)) {
      const at = e.earliest && e.latest ? (dayMs(e.earliest) + dayMs(e.latest)) / 2 : dayMs(e.latest) ?? dayMs(e.earliest);
      if (at === null) continue;
      lane(opts.laneOf(e)).markers.push({ e, at, outside: at < lo || at > hi });
    }
    const ordered = [...lanes.values()].sort((p, q) => (p.key === "") - (q.key === "") || q.bars.length - p.bars.length ||
      opts.laneLabel(p.key, p.bars.map((b) => b.t)).localeCompare(opts.laneLabel(q.key, q.bars.map((b) => b.t))));
    let y = AXIS_H;
    const body = [];
    ordered.forEach((ln, i) => {
      const rows = packRows(ln.bars);
      const laneH = rows * ROW_H + 8;
      body.push(laneGroup(ln, i, y, laneH, width, opts, x));
      y += laneH;
    });
    const height = y + 6;
    const svg = s("svg", {
      class: "chart", width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Tenure chart: a lane per role, a bar per holder",
    }, defs(), axis(lo, hi, width, height, plotW, x), body);
    return svg;
  }

  function defs() {
    return s("defs", {},
      s("linearGradient", { id: "fade-in", x1: "0", x2: "1", y1: "0", y2: "0" },
        s("stop", { offset: "0", "stop-color": "#3b6ea5", "stop-opacity": "0" }),
        s("stop", { offset: "1", "stop-color": "#3b6ea5", "stop-opacity": "0.28" })),
      s("pattern", { id: "hatch", width: "6", height: "6", patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        s("rect", { width: "6", height: "6", fill: "#eef2f7" }),
        s("line", { x1: "0", y1: "0", x2: "0", y2: "6", stroke: "#b9c6d6", "stroke-width": "2" })));
  }

  function axis(lo, hi, width, height, plotW, x) {
    const g = s("g", { class: "axis" });
    for (const [ms, label] of ticks(lo, hi, plotW)) {
      const px = x(ms);
      g.appendChild(s("line", { x1: px, x2: px, y1: AXIS_H - 6, y2: height, class: "grid" }));
      g.appendChild(s("text", { x: px + 3, y: AXIS_H - 10, class: "tick" }, label));
    }
    return g;
  }

  function laneGroup(ln, index, y, laneH, width, opts, x) {
    const records = ln.bars.map((b) => b.t);
    const g = s("g", { class: "lane", "data-lane": ln.key },
      s("rect", { x: 0, y, width, height: laneH, class: index % 2 ? "lane-bg odd" : "lane-bg" }),
      s("text", { x: 8, y: y + 17, class: "lane-label" }, s("title", {}, opts.laneLabel(ln.key, records)),
        shorten(opts.laneLabel(ln.key, records), 24)));
    for (const bar of ln.bars) g.appendChild(barGroup(bar, y + 4 + bar.row * ROW_H, opts, x));
    for (const m of ln.markers) {
      const shape = markerShape(m.e, x(m.at), y + laneH / 2);
      const what = `${m.e.modality}${m.e.status !== "asserted" && m.e.status !== "marker" ? " (" + m.e.status + ")" : ""}: ` +
        `${m.e.type} ${m.e.holder}${m.e.role ? " as " + m.e.role : ""}, ${eventWhen(m.e)}${m.outside ? " (outside the chart)" : ""}`;
      g.appendChild(s("g", {
        class: "marker-hit" + (m.outside ? " outside" : "") + (document.body.dataset.selected === m.e.id ? " selected" : ""), tabindex: "0", role: "button", "data-event-id": m.e.id,
        "data-modality": m.e.modality, onclick: () => opts.onSelect("event", m.e),
        onkeydown: (ev) => { if (ev.key === "Enter") opts.onSelect("event", m.e); },
      }, s("title", {}, what), shape));
    }
    return g;
  }

  function barGroup(bar, top, opts, x) {
    const { t, span } = bar;
    const h0 = ROW_H - 6;
    const classes = ["bar", "status-" + t.status.replace(/\s+/g, "-")];
    if (t.end_inferred) classes.push("inferred-end");
    if (span.unknown) classes.push("undated");
    if (document.body.dataset.selected === t.id) classes.push("selected");
    const g = s("g", {
      class: classes.join(" "), tabindex: "0", role: "button", "data-tenure-id": t.id, "data-holder": t.holder,
      "data-role": t.role || "", "data-seat": t.seat, "data-org": t.org,
      onclick: () => opts.onSelect("tenure", t),
      onkeydown: (ev) => { if (ev.key === "Enter") opts.onSelect("tenure", t); },
    }, s("title", {}, `${t.holder}, ${t.role || "employed"} at ${t.org}: ${tenureFrom(t)} → ${tenureUntil(t)}` +
        (t.end_inferred && t.end_reason ? ` (end inferred: ${t.end_reason})` : "")));
    const a = x(span.a), d = Math.max(x(span.d), a + 8);
    g.appendChild(s("rect", { x: a, y: top, width: d - a, height: h0, rx: 3,
      class: span.unknown ? "possible unknown" : "possible", fill: span.unknown ? "url(#hatch)" : null }));
    if (span.openStart && !span.unknown) g.appendChild(s("rect", { x: a, y: top, width: Math.min(40, d - a), height: h0, fill: "url(#fade-in)", class: "fade" }));
    if (span.b !== null) {
      const b = x(span.b), c = Math.max(x(span.c), b + 6);
      g.appendChild(s("rect", { x: b, y: top, width: c - b, height: h0, rx: 3, class: "definite" }));
      if (t.end_inferred) g.appendChild(s("line", { x1: c, x2: c, y1: top - 2, y2: top + h0 + 2, class: "inferred-tick" }));
    }
    if (t.status === "current" && span.openEnd) g.appendChild(s("path", { d: `M${d - 2},${top + 2}L${d + 5},${top + h0 / 2}L${d - 2},${top + h0 - 2}Z`, class: "open-end" }));
    for (const leave of t.leaves || []) {
      const ls = dayMs(leave[0]), le = dayMs(leave[1]);
      if (ls !== null) g.appendChild(s("rect", { x: x(ls), y: top + h0 / 2 - 2, width: Math.max(4, x(le ?? span.d) - x(ls)), height: 4, class: "leave" }));
    }
    g.appendChild(s("text", { x: a + 5, y: top + h0 - 5, class: "bar-label" }, bar.label));
    return g;
  }

  function legend() {
    const item = (cls, text, shape) => h("span", { class: "legend-item" },
      s("svg", { width: 30, height: 16, class: "legend-swatch" }, shape || s("rect", { x: 1, y: 3, width: 28, height: 10, rx: 2, class: cls })), text);
    return h("div", { class: "legend" },
      item("definite", "held (reported)"),
      item("possible", "possibly held (dates uncertain)"),
      h("span", { class: "legend-item" }, s("svg", { width: 30, height: 16, class: "legend-swatch" },
        s("rect", { x: 1, y: 3, width: 24, height: 10, rx: 2, class: "definite inferred-sample" }),
        s("line", { x1: 25, x2: 25, y1: 1, y2: 15, class: "inferred-tick" })), "end inferred (dashed)"),
      item("", "rumoured", s("circle", { cx: 15, cy: 8, r: 5, class: "marker marker-rumoured" })),
      item("", "denied / retracted", s("path", { d: "M10,3L20,13M20,3L10,13", class: "marker marker-negated" })),
      item("", "planned", s("path", { d: "M15,2L21,8L15,14L9,8Z", class: "marker marker-planned" })),
      item("", "uncertain", s("path", { d: "M15,2L21,13L9,13Z", class: "marker marker-uncertain" })));
  }

  /** The chart with zoom buttons; re-drawn in place when the domain changes. */
  function chartPanel(opts) {
    const fit = domainOf(opts.tenures, opts.events.filter(markerOf));
    let domain = fit;
    const holder = h("div", { class: "chart-scroll" });
    const draw = () => {
      clear(holder).appendChild(chart({ ...opts, domain, width: holder.clientWidth || 900 }));
      range.textContent = `${isoDay(domain[0])} … ${isoDay(domain[1])}`;
    };
    const zoom = (factor) => {
      const mid = (domain[0] + domain[1]) / 2, half = Math.max(((domain[1] - domain[0]) / 2) * factor, 3 * DAY);
      domain = [mid - half, mid + half];
      draw();
    };
    const allDates = () => {
      domain = domainOf(opts.tenures.concat([]), []);
      const extra = opts.events.flatMap((e) => [dayMs(e.earliest), dayMs(e.latest)]).filter((v) => v !== null);
      if (extra.length) domain = [Math.min(domain[0], ...extra) - 30 * DAY, Math.max(domain[1], ...extra) + 30 * DAY];
      draw();
    };
    const range = h("span", { class: "muted range" });
    const controls = h("div", { class: "chart-controls" },
      h("button", { type: "button", onclick: () => zoom(0.5), title: "Zoom in" }, "+"),
      h("button", { type: "button", onclick: () => zoom(2), title: "Zoom out" }, "−"),
      h("button", { type: "button", onclick: () => { domain = fit; draw(); } }, "Fit tenures"),
      h("button", { type: "button", onclick: allDates }, "All dates"), range);
    const panel = h("section", { class: "chart-panel" }, controls, holder, legend());
    let drawnWidth = -1;
    new ResizeObserver(() => { // drawn when shown, and again when the evidence panel narrows the page
      if (holder.clientWidth && holder.clientWidth !== drawnWidth) {
        drawnWidth = holder.clientWidth;
        draw();
      }
    }).observe(holder);
    return panel;
  }

  // -------------------------------------------------------------------------------------- tables

  function table(columns, rows, onRow) {
    return h("table", { class: "data" },
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", {}, c)))),
      h("tbody", {}, rows.map(([record, cells]) => h("tr", {
        tabindex: onRow ? "0" : null, class: onRow ? "clickable" : null,
        onclick: onRow ? () => onRow(record) : null,
        onkeydown: onRow ? (ev) => { if (ev.key === "Enter") onRow(record); } : null,
      }, cells.map((c) => h("td", {}, c))))));
  }

  const personLink = (name) => h("a", { href: route("person", name) }, name);
  const orgLink = (name) => (name ? h("a", { href: route("org", name) }, name) : "");
  const docLink = (id, text) => h("a", { href: route("doc", id) }, text || id);

  function tenureTable(tenures, onSelect, linkOrg) {
    return table(["holder", "role", linkOrg ? "organisation" : null, "from", "until", "status", "notes", "sources"].filter(Boolean),
      tenures.map((t) => [t, [personLink(t.holder), t.role || "(employed)", linkOrg ? orgLink(t.org) : null, tenureFrom(t),
        tenureUntil(t), t.status, [t.start_reason, t.end_reason].filter(Boolean).join("; "),
        String(new Set(t.sources.map((e) => e.doc_id)).size)].filter((c) => c !== null)]),
      (t) => onSelect("tenure", t));
  }

  function eventTable(events, onSelect) {
    return table(["date", "change", "holder", "role", "organisation", "modality", "status", "stories"],
      events.map((e) => [e, [eventWhen(e), e.type, personLink(e.holder), e.role || "", orgLink(e.org), e.modality,
        e.status, String(e.stories.length)]]), (e) => onSelect("event", e));
  }

  function conflictList(conflicts) {
    if (!conflicts.length) return null;
    return h("section", {}, h("h3", {}, "Conflicts"), h("ul", { class: "conflicts" }, conflicts.map((c) =>
      h("li", {}, h("strong", {}, c.kind), ": ", c.description, " ",
        [...new Set(c.sources.map((e) => e.doc_id))].map((d) => h("span", { class: "doc-ref" }, docLink(d)))))));
  }

  // ------------------------------------------------------------------------------ evidence panel

  const panel = () => document.getElementById("evidence");

  function closeEvidence() {
    const p = panel();
    p.hidden = true;
    clear(p);
    delete document.body.dataset.selected;
    document.body.classList.remove("with-evidence");
  }

  function describe(kind, r) {
    if (kind === "tenure") {
      return [h("h2", {}, r.holder, " — ", r.role || "employed", " at ", r.org),
        h("dl", { class: "facts" },
          h("dt", {}, "from"), h("dd", {}, tenureFrom(r), r.start_reason ? h("span", { class: "muted" }, " (", r.start_reason, ")") : null),
          h("dt", {}, "until"), h("dd", {}, tenureUntil(r), r.end_reason ? h("span", { class: "muted" }, " (", r.end_reason, ")") : null),
          h("dt", {}, "status"), h("dd", {}, r.status))];
    }
    return [h("h2", {}, r.type, ": ", r.holder, r.role ? " — " + r.role : "", r.org ? " at " + r.org : ""),
      h("dl", { class: "facts" },
        h("dt", {}, "date"), h("dd", {}, eventWhen(r)),
        h("dt", {}, "modality"), h("dd", {}, r.modality),
        h("dt", {}, "status"), h("dd", {}, r.status, r.superseded_by ? " by " + r.superseded_by : ""),
        h("dt", {}, "confidence"), h("dd", {}, String(r.confidence)))];
  }

  async function showEvidence(kind, record) {
    const p = panel();
    clear(p).appendChild(h("p", { class: "muted" }, "Loading evidence…"));
    p.hidden = false;
    document.body.classList.add("with-evidence");
    document.body.dataset.selected = record.id; // charts re-drawn later keep the selection
    document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
    document.querySelectorAll(`[data-tenure-id="${CSS.escape(record.id)}"], [data-event-id="${CSS.escape(record.id)}"]`)
      .forEach((n) => n.classList.add("selected"));
    let sources = [];
    try {
      sources = await api("/sources/" + encodeURIComponent(record.id));
    } catch (error) {
      if (error.status !== 404) return showError(p, error);
    }
    const article = h("div", { class: "article", id: "evidence-article" });
    const list = h("ol", { class: "sources" });
    clear(p).append(h("button", { type: "button", class: "close", onclick: closeEvidence, "aria-label": "Close" }, "×"),
      ...describe(kind, record), h("h3", {}, `Evidence (${sources.length})`), list, article);
    sources.forEach((src, i) => {
      const item = h("li", { class: "source", tabindex: "0", "data-doc-id": src.doc_id,
        onclick: () => openSource(src, item, article),
        onkeydown: (ev) => { if (ev.key === "Enter") openSource(src, item, article); } },
      h("div", { class: "source-meta" }, src.title || src.doc_id, src.published ? " · " + src.published : ""),
      h("q", { class: "sentence" }, src.text));
      list.appendChild(item);
      if (i === 0) openSource(src, item, article);
    });
    if (!sources.length) article.appendChild(h("p", { class: "muted" }, "No supporting sentence is stored for this record."));
  }

  async function openSource(src, item, article) {
    item.parentNode.querySelectorAll(".source").forEach((n) => n.classList.remove("active"));
    item.classList.add("active");
    clear(article).appendChild(h("p", { class: "muted" }, "Loading article…"));
    let doc;
    try {
      doc = await api("/documents/" + encodeURIComponent(src.doc_id));
    } catch (error) {
      return showError(clear(article), error);
    }
    const link = safeUrl(doc.url);
    const shown = Array.from(doc.text).slice(src.start, src.end).join("");
    const text = markedText(doc.text, [{ start: src.start, end: src.end, label: "supporting sentence" }], src);
    const scroller = h("div", { class: "article-scroll" }, text);
    clear(article).append(...[
      h("h3", {}, doc.title || doc.id),
      h("p", { class: "muted" }, [doc.published, doc.lang, h("a", { href: route("doc", doc.id, src.start, src.end) }, "open article"),
        link ? h("a", { href: link, rel: "noopener noreferrer", target: "_blank" }, "original") : null]
        .filter(Boolean).flatMap((v, i) => (i ? [" · ", v] : [v]))),
      shown === src.text ? null : h("p", { class: "error" }, "The stored offsets do not match the sentence exactly."),
      scroller].filter(Boolean));
    const mark = text.querySelector("mark.hl-selected");
    // scroll the article, not the panel: the record and its list of sources stay in view
    if (mark) scroller.scrollTop = Math.max(0, mark.offsetTop - scroller.offsetTop - scroller.clientHeight / 3);
  }

  function showError(node, error) {
    node.appendChild(h("p", { class: "error" }, error.status ? `${error.status}: ${error.message}` : String(error.message || error)));
  }

  // ----------------------------------------------------------------------------------------- views

  const view = () => document.getElementById("view");

  async function overview() {
    const [orgs, people, stories] = await Promise.all([
      api("/entities", { kind: "org", limit: 60 }), api("/entities", { kind: "person", limit: 60 }),
      api("/stories", { min_documents: 2, limit: 20 })]);
    const entityList = (page, link) => h("ul", { class: "entities" }, page.items.map((e) => h("li", {}, link(e.name),
      h("span", { class: "muted" }, ` ${e.tenures} tenures, ${e.events} events`))));
    return [h("h1", {}, "Leadership changes"),
      h("div", { class: "columns" },
        h("section", {}, h("h2", {}, `Organisations (${orgs.total})`), entityList(orgs, orgLink)),
        h("section", {}, h("h2", {}, `People (${people.total})`), entityList(people, personLink)),
        h("section", {}, h("h2", {}, `Stories with several articles (${stories.total})`), storyList(stories.items)))];
  }

  function storyList(stories) {
    return h("ul", { class: "stories" }, stories.map((st) => h("li", {},
      h("a", { href: route("story", st.id) }, `${st.documents.length} articles`), ": ",
      st.documents.slice(0, 3).map((d) => d.title || d.id).join(" / "))));
  }

  async function storiesView() {
    const page = await api("/stories", { min_documents: 2, limit: 200 });
    return [h("h1", {}, "Stories"), h("p", { class: "muted" }, `${page.total} stories reported by more than one article.`),
      storyList(page.items)];
  }

  function whoForm(org) {
    const answer = h("span", { class: "who-answer" });
    const role = h("input", { name: "role", placeholder: "role, e.g. CEO", required: true, maxlength: "200", "aria-label": "Role" });
    const day = h("input", { name: "on", type: "date", required: true, "aria-label": "Day" });
    const form = h("form", { class: "who-form", onsubmit: async (ev) => {
      ev.preventDefault();
      clear(answer).appendChild(document.createTextNode("…"));
      try {
        const res = await api("/who", { org, role: role.value, on: day.value });
        clear(answer).appendChild(document.createTextNode(res.holders.length ? res.holders.join(", ") : "nobody known"));
      } catch (error) {
        showError(clear(answer), error);
      }
    } }, "Who was ", role, " on ", day, " ", h("button", { type: "submit" }, "Ask"), " ", answer);
    return form;
  }

  async function orgView(name) {
    const tl = await api("/timeline", { org: name });
    const onSelect = (kind, r) => showEvidence(kind, r);
    const seatLabel = (key, records) => {
      if (!key) return "(employed, no role named)";
      const roles = records.map((t) => t.role).filter(Boolean).sort((p, q) => p.length - q.length);
      return roles[0] || key;
    };
    return [h("h1", {}, name),
      h("p", { class: "muted" }, `${tl.total_tenures} tenures, ${tl.total_events} events, ${tl.total_conflicts} conflicts. ` +
        "Click a bar or a marker to read the evidence."),
      whoForm(name),
      chartPanel({ tenures: tl.tenures, events: tl.events, laneOf: (r) => r.seat || "", laneLabel: seatLabel,
        barLabel: (t) => t.holder, onSelect }),
      h("h3", {}, "Tenures"), tenureTable(tl.tenures, onSelect, false),
      h("h3", {}, "Events"), eventTable(tl.events, onSelect), conflictList(tl.conflicts)];
  }

  function quoteTable(quotes) {
    // each quotation opens its article with the sentence it stands in highlighted (the evidence view)
    return table(["said", "type", "article"],
      quotes.items.map((q) => [q, [q.quote.text, q.type, q.doc_id]]),
      (q) => { const s = q.sentence || q.quote; location.hash = route("doc", q.doc_id, s.start, s.end); });
  }

  async function personView(name) {
    const [tl, quotes] = await Promise.all([api("/timeline", { person: name }), api("/quotes", { person: name, limit: 100 })]);
    const onSelect = (kind, r) => showEvidence(kind, r);
    const said = quotes.items.length
      ? [h("h3", {}, `Quotes (${quotes.items.length}${quotes.total > quotes.items.length ? "+" : ""})`), quoteTable(quotes)]
      : [];
    return [h("h1", {}, name),
      h("p", { class: "muted" }, `Career across organisations: ${tl.total_tenures} tenures, ${tl.total_events} events.`),
      chartPanel({ tenures: tl.tenures, events: tl.events, laneOf: (r) => r.org || "", laneLabel: (key) => key || "(no organisation)",
        barLabel: (t) => t.role || "(employed)", onSelect }),
      h("h3", {}, "Tenures"), tenureTable(tl.tenures, onSelect, true),
      h("h3", {}, "Events"), eventTable(tl.events, onSelect), conflictList(tl.conflicts), ...said];
  }

  function evidenceRanges(doc) {
    return doc.events.map((e) => ({ start: e.evidence.start, end: e.evidence.end,
      label: `${e.type}: ${e.holder}${e.role ? " as " + e.role : ""}${e.org ? " at " + e.org : ""} (${e.modality})` }))
      .concat(doc.facts.map((f) => ({ start: f.evidence.start, end: f.evidence.end,
        label: `${f.current ? "" : "former "}${f.role}: ${f.holder}${f.org ? " at " + f.org : ""}` })));
  }

  function docMeta(doc) {
    const link = safeUrl(doc.url);
    return h("p", { class: "muted" }, [doc.published && "published " + doc.published, doc.lang, doc.source,
      doc.story ? h("a", { href: route("story", doc.story) }, "story") : null,
      link ? h("a", { href: link, rel: "noopener noreferrer", target: "_blank" }, "original") : null]
      .filter(Boolean).flatMap((v, i) => (i ? [" · ", v] : [v])));
  }

  async function docView(id, start, end) {
    const doc = await api("/documents/" + encodeURIComponent(id));
    const selected = Number.isInteger(start) && Number.isInteger(end) ? { start, end } : null;
    const ranges = evidenceRanges(doc).concat(selected ? [{ ...selected, label: "selected" }] : []);
    const text = markedText(doc.text, ranges, selected);
    setTimeout(() => { const m = text.querySelector("mark.hl-selected"); if (m) m.scrollIntoView({ block: "center" }); }, 0);
    const events = table(["change", "holder", "role", "organisation", "date", "modality", "sentence"],
      doc.events.map((e) => [e, [e.type, e.holder, e.role || "", e.org || "", e.date || "", e.modality, e.evidence.text]]),
      (e) => { location.hash = route("doc", doc.id, e.evidence.start, e.evidence.end); });
    return [h("h1", { class: "doc-title" }, doc.title || doc.id), docMeta(doc),
      h("h3", {}, `Events (${doc.events.length})`), events,
      doc.warnings.length ? h("ul", { class: "warnings" }, doc.warnings.map((w) => h("li", {}, w))) : null,
      h("h3", {}, "Text"), h("div", { class: "article" }, text)];
  }

  async function storyView(id) {
    const story = await api("/stories/" + encodeURIComponent(id), { limit: 12 });
    const column = (doc) => h("article", { class: "version", "data-doc-id": doc.id },
      h("h3", {}, docLink(doc.id, doc.title || doc.id)), docMeta(doc),
      h("ul", { class: "version-events" }, doc.events.map((e) => h("li", {},
        `${e.type}: ${e.holder}${e.role ? " — " + e.role : ""}${e.org ? " at " + e.org : ""}${e.date ? " (" + e.date + ")" : ""} [${e.modality}]`))),
      h("div", { class: "article version-text" }, markedText(doc.text, evidenceRanges(doc), null)));
    return [h("h1", {}, "Story ", h("code", {}, id)),
      h("p", { class: "muted" }, `${story.total} articles tell this story${story.total > story.documents.length ? ` (the first ${story.documents.length} shown)` : ""}; highlighted: the sentences events were read from.`),
      h("div", { class: "versions" }, story.documents.map(column))];
  }

  async function searchView(words) {
    const [people, orgs, hits] = await Promise.all([
      api("/entities", { kind: "person", q: words, limit: 20 }), api("/entities", { kind: "org", q: words, limit: 20 }),
      api("/search", { q: words, limit: 50 })]);
    const names = (page, link) => (page.items.length ? h("ul", { class: "entities" }, page.items.map((e) => h("li", {}, link(e.name),
      e.variants.length ? h("span", { class: "muted" }, " also: " + e.variants.join(", ")) : null))) : h("p", { class: "muted" }, "none"));
    return [h("h1", {}, "Search: ", words),
      h("div", { class: "columns" },
        h("section", {}, h("h2", {}, "People"), names(people, personLink)),
        h("section", {}, h("h2", {}, "Organisations"), names(orgs, orgLink))),
      h("h2", {}, "Articles and evidence"),
      hits.items.length ? h("ol", { class: "hits" }, hits.items.map((hit) => h("li", {},
        docLink(hit.doc_id), h("span", { class: "muted" }, ` (${hit.kind})`), h("div", {}, snippet(hit.snippet)))))
        : h("p", { class: "muted" }, "No article matches.")];
  }

  // ---------------------------------------------------------------------------------------- router

  function parseHash() {
    const parts = location.hash.replace(/^#\/?/, "").split("/").filter((p) => p !== "").map((p) => {
      try { return decodeURIComponent(p); } catch (e) { return p; }
    });
    return parts;
  }

  async function render() {
    const [name, ...args] = parseHash();
    const target = clear(view());
    closeEvidence();
    target.appendChild(h("p", { class: "muted" }, "Loading…"));
    const views = {
      org: () => orgView(args[0]), person: () => personView(args[0]), story: () => storyView(args[0]),
      stories: () => storiesView(), search: () => searchView(args.join("/")),
      doc: () => docView(args[0], args[1] === undefined ? null : Number(args[1]), args[2] === undefined ? null : Number(args[2])),
    };
    try {
      const nodes = await (views[name] && args.length >= (name === "stories" ? 0 : 1) ? views[name]() : overview());
      clear(target).append(...[nodes].flat().filter(Boolean));
      document.title = "succession — " + (args[0] || "overview");
    } catch (error) {
      showError(clear(target), error);
    }
  }

  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const words = document.getElementById("search-input").value.trim();
    if (words) location.hash = route("search", words);
  });
  window.addEventListener("hashchange", render);
  render();
})();
