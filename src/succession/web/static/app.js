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
 *   #/latest               the most recently reported changes
 * An org or person view with a record open in the evidence panel adds /sel/ID (t-… or e-…), so every view
 * has its own URL and the back button steps back through what was opened.
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

  /** No reported end is not "now": the role may have ended unreported after the last article. */
  function tenureUntil(t) {
    if (t.status !== "ended") return "no end reported" + (t.last_seen ? " (last seen " + t.last_seen + ")" : "");
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
    const asked = opts.mark !== null && opts.mark !== undefined && opts.mark >= lo && opts.mark <= hi
      ? s("g", { class: "asked-day" }, s("line", { x1: x(opts.mark), x2: x(opts.mark), y1: AXIS_H - 4, y2: height }),
        s("text", { x: x(opts.mark) + (x(opts.mark) > width - 90 ? -76 : 3), y: height - 4 }, isoDay(opts.mark))) : null;
    const svg = s("svg", {
      class: "chart", width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Tenure chart: a lane per role, a bar per holder",
    }, defs(), axis(lo, hi, width, height, plotW, x), body, asked);
    svg.plot = { left: LABEL_W, width: plotW };
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
      ondblclick: () => opts.onZoom && opts.onZoom(t),
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

  /** The chart with zoom and pan (buttons, ctrl+wheel around the cursor, shift+wheel, drag, shift+drag to a
   * range, double-click a bar, keys), a mark for the day asked about; re-drawn in place on every change. */
  function chartPanel(opts) {
    const fit = domainOf(opts.tenures, opts.events.filter(markerOf));
    let domain = fit, mark = null, svg = null;
    const holder = h("div", { class: "chart-scroll", tabindex: "0", "aria-label": "Tenure chart (keys: + − ← → 0)" });
    const range = h("span", { class: "muted range" });
    const draw = () => {
      svg = chart({ ...opts, domain, mark, width: holder.clientWidth || 900, onZoom: zoomToTenure });
      clear(holder).appendChild(svg);
      range.textContent = `${isoDay(domain[0])} … ${isoDay(domain[1])}`;
      holder.dataset.lo = isoDay(domain[0]);
      holder.dataset.hi = isoDay(domain[1]);
    };
    const set = (lo, hi) => {
      const span = Math.max(hi - lo, 3 * DAY);
      domain = [lo, lo + span];
      draw();
    };
    const msAt = (clientX) => { // the day under the cursor
      const box = svg.getBoundingClientRect();
      const frac = Math.min(1, Math.max(0, (clientX - box.left - svg.plot.left) / svg.plot.width));
      return domain[0] + frac * (domain[1] - domain[0]);
    };
    const zoomAround = (at, factor) => set(at - (at - domain[0]) * factor, at + (domain[1] - at) * factor);
    const zoom = (factor) => zoomAround((domain[0] + domain[1]) / 2, factor);
    const pan = (fraction) => { const d = (domain[1] - domain[0]) * fraction; set(domain[0] + d, domain[1] + d); };
    function zoomToTenure(t) {
      const span = barSpan(t, domain[0], domain[1]);
      const lo = dayMs(t.start_earliest) ?? dayMs(t.start_latest) ?? span.a;
      const hi = dayMs(t.end_latest) ?? dayMs(t.end_earliest) ?? Math.max(lo + 60 * DAY, dayMs(t.last_seen) ?? lo);
      const pad = Math.max((hi - lo) * 0.1, 5 * DAY);
      set(lo - pad, hi + pad);
    }
    const allDates = () => {
      domain = domainOf(opts.tenures.concat([]), []);
      const extra = opts.events.flatMap((e) => [dayMs(e.earliest), dayMs(e.latest)]).filter((v) => v !== null);
      if (extra.length) domain = [Math.min(domain[0], ...extra) - 30 * DAY, Math.max(domain[1], ...extra) + 30 * DAY];
      draw();
    };
    holder.addEventListener("wheel", (ev) => {
      if (!svg) return;
      if (ev.ctrlKey || ev.metaKey) {
        ev.preventDefault();
        zoomAround(msAt(ev.clientX), ev.deltaY > 0 ? 1.25 : 0.8);
      } else if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
        ev.preventDefault();
        pan((ev.shiftKey ? ev.deltaY : ev.deltaX) > 0 ? 0.1 : -0.1);
      }
    }, { passive: false });
    holder.addEventListener("keydown", (ev) => {
      const keys = { "+": () => zoom(0.5), "=": () => zoom(0.5), "-": () => zoom(2), ArrowLeft: () => pan(-0.1),
        ArrowRight: () => pan(0.1), 0: () => set(...fit) };
      if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
    });
    let drag = null;
    holder.addEventListener("pointerdown", (ev) => {
      if (!svg || ev.button !== 0 || ev.target.closest(".bar, .marker-hit, a")) return;
      drag = { x: ev.clientX, at: msAt(ev.clientX), domain: domain.slice(), brush: ev.shiftKey, moved: false };
      holder.setPointerCapture(ev.pointerId);
    });
    holder.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      drag.moved = drag.moved || Math.abs(ev.clientX - drag.x) > 3;
      if (!drag.moved) return;
      if (drag.brush) {
        const box = svg.getBoundingClientRect();
        const [x1, x2] = [drag.x, ev.clientX].sort((p, q) => p - q).map((v) => v - box.left);
        svg.querySelectorAll(".brush").forEach((n) => n.remove());
        svg.appendChild(s("rect", { class: "brush", x: x1, y: AXIS_H, width: x2 - x1, height: svg.height.baseVal.value - AXIS_H }));
      } else {
        const perPx = (drag.domain[1] - drag.domain[0]) / svg.plot.width;
        const d = (drag.x - ev.clientX) * perPx;
        domain = [drag.domain[0] + d, drag.domain[1] + d];
        draw();
      }
    });
    holder.addEventListener("pointerup", (ev) => {
      if (drag && drag.brush && drag.moved) {
        const [lo, hi] = [drag.at, msAt(ev.clientX)].sort((p, q) => p - q);
        set(lo, hi);
      }
      drag = null;
    });
    const controls = h("div", { class: "chart-controls" },
      h("button", { type: "button", onclick: () => zoom(0.5), title: "Zoom in (+)" }, "+"),
      h("button", { type: "button", onclick: () => zoom(2), title: "Zoom out (−)" }, "−"),
      h("button", { type: "button", onclick: () => pan(-0.25), title: "Earlier (←)" }, "←"),
      h("button", { type: "button", onclick: () => pan(0.25), title: "Later (→)" }, "→"),
      h("button", { type: "button", onclick: () => set(...fit) }, "Fit tenures"),
      h("button", { type: "button", onclick: allDates }, "All dates"), range);
    const panel = h("section", { class: "chart-panel" }, controls, holder, legend());
    currentChart = {
      zoomToTenure,
      mark(ms) { // the day asked about: marked, and brought into view
        mark = ms;
        if (ms !== null && (ms < domain[0] || ms > domain[1])) {
          const half = (domain[1] - domain[0]) / 2;
          domain = [ms - half, ms + half];
        }
        draw();
      },
    };
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

  const PAGE_ROWS = 50;

  const cellText = (c) => (c === null || c === undefined ? "" : typeof c === "object" ? c.textContent : String(c));

  function csvOf(columns, rows) {
    const quote = (v) => (/[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
    return [columns, ...rows.map(([, cells]) => cells.map(cellText))].map((r) => r.map(quote).join(",")).join("\n") + "\n";
  }

  function download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const a = h("a", { href: url, download: name, hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  }

  /** A table with a filter, sortable headers, pages of PAGE_ROWS rows and a CSV download of its rows. */
  function table(columns, rows, onRow, name) {
    let sortCol = -1, ascending = true, filter = "", pageNo = 0;
    const body = h("tbody", {});
    const info = h("span", { class: "muted table-info" });
    const filterInput = h("input", { type: "search", class: "table-filter", placeholder: "Filter rows", "aria-label": "Filter rows",
      oninput: () => { filter = filterInput.value.trim().toLowerCase(); pageNo = 0; draw(); } });
    const prev = h("button", { type: "button", class: "page-prev", onclick: () => { pageNo--; draw(); } }, "‹ previous");
    const next = h("button", { type: "button", class: "page-next", onclick: () => { pageNo++; draw(); } }, "next ›");
    const heads = columns.map((c, i) => h("th", { class: "sortable", tabindex: "0", "aria-sort": "none", title: "Sort",
      onclick: () => sortBy(i), onkeydown: (ev) => { if (ev.key === "Enter") sortBy(i); } }, c));
    const visible = () => {
      let out = rows.filter(([, cells]) => !filter || cells.some((c) => cellText(c).toLowerCase().includes(filter)));
      if (sortCol >= 0) {
        out = [...out].sort((p, q) => cellText(p[1][sortCol]).localeCompare(cellText(q[1][sortCol]), undefined,
          { numeric: true }) * (ascending ? 1 : -1));
      }
      return out;
    };
    const sortBy = (i) => {
      ascending = sortCol === i ? !ascending : true;
      sortCol = i;
      heads.forEach((th, j) => th.setAttribute("aria-sort", j === i ? (ascending ? "ascending" : "descending") : "none"));
      draw();
    };
    const csvButton = h("button", { type: "button", class: "csv", title: "Download these rows as CSV",
      onclick: () => download((name || "table") + ".csv", csvOf(columns, visible())) }, "CSV");
    function draw() {
      const all = visible();
      const pages = Math.max(1, Math.ceil(all.length / PAGE_ROWS));
      pageNo = Math.min(Math.max(0, pageNo), pages - 1);
      clear(body);
      for (const [record, cells] of all.slice(pageNo * PAGE_ROWS, (pageNo + 1) * PAGE_ROWS)) {
        body.appendChild(h("tr", {
          tabindex: onRow ? "0" : null, class: onRow ? "clickable" : null,
          "data-id": record && record.id ? record.id : null,
          onclick: onRow ? (ev) => { if (!ev.target.closest("a")) onRow(record); } : null,
          onkeydown: onRow ? (ev) => { if (ev.key === "Enter") onRow(record); } : null,
        }, cells.map((c) => h("td", {}, c))));
      }
      const first = all.length ? pageNo * PAGE_ROWS + 1 : 0;
      info.textContent = `rows ${first}–${Math.min(all.length, (pageNo + 1) * PAGE_ROWS)} of ${all.length}` +
        (all.length !== rows.length ? ` (filtered from ${rows.length})` : "");
      prev.disabled = pageNo === 0;
      next.disabled = pageNo >= pages - 1;
    }
    draw();
    return h("div", { class: "table-wrap" },
      h("div", { class: "table-tools" }, filterInput, " ", prev, next, " ", info, " ", csvButton),
      h("table", { class: "data" }, h("thead", {}, h("tr", {}, heads)), body));
  }

  const personLink = (name) => h("a", { href: route("person", name) }, name);
  const orgLink = (name) => (name ? h("a", { href: route("org", name) }, name) : "");
  const docLink = (id, text) => h("a", { href: route("doc", id) }, text || id);

  function tenureTable(tenures, onSelect, linkOrg) {
    return table(["holder", "role", linkOrg ? "organisation" : null, "from", "until", "notes", "sources"].filter(Boolean),
      tenures.map((t) => [t, [personLink(t.holder), t.role || "(employed)", linkOrg ? orgLink(t.org) : null, tenureFrom(t),
        tenureUntil(t), [t.start_reason, t.end_reason].filter(Boolean).join("; "),
        String(new Set(t.sources.map((e) => e.doc_id)).size)].filter((c) => c !== null)]),
      (t) => onSelect("tenure", t), "tenures");
  }

  function eventTable(events, onSelect, extra) {
    return table(["date", "change", "holder", "role", "organisation", "modality", "status", "stories", ...(extra ? ["reported"] : [])],
      events.map((e) => [e, [eventWhen(e), e.type, personLink(e.holder), e.role || "", orgLink(e.org), e.modality,
        e.status, String(e.stories.length), ...(extra ? [e.last_reported || ""] : [])]]), (e) => onSelect("event", e), "events");
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
      return [h("h2", {}, personLink(r.holder), " — ", r.role || "employed", " at ", orgLink(r.org)),
        h("dl", { class: "facts" },
          h("dt", {}, "from"), h("dd", {}, tenureFrom(r), r.start_reason ? h("span", { class: "muted" }, " (", r.start_reason, ")") : null),
          h("dt", {}, "until"), h("dd", {}, tenureUntil(r), r.end_reason ? h("span", { class: "muted" }, " (", r.end_reason, ")") : null),
          h("dt", {}, "status"), h("dd", {}, r.status))];
    }
    return [h("h2", {}, r.type, ": ", personLink(r.holder), r.role ? " — " + r.role : "", r.org ? " at " : "", orgLink(r.org)),
      h("dl", { class: "facts" },
        h("dt", {}, "date"), h("dd", {}, eventWhen(r)),
        h("dt", {}, "modality"), h("dd", {}, r.modality),
        h("dt", {}, "status"), h("dd", {}, r.status, r.superseded_by ? " by " + r.superseded_by : ""),
        h("dt", {}, "confidence"), h("dd", {}, String(r.confidence)))];
  }

  /** Open a record's evidence: through the URL (…/sel/ID), so that the view can be shared and the back
   * button closes it again. */
  function select(kind, record) {
    known.set(record.id, { kind, record });
    const base = routeBase();
    if (base !== null) location.hash = base + "/sel/" + encodeURIComponent(record.id);
    else showEvidence(kind, record);
  }

  async function openSelection(id) {
    let hit = known.get(id);
    if (!hit) {
      const kind = id.startsWith("t-") ? "tenure" : "event";
      try {
        hit = { kind, record: await api((kind === "tenure" ? "/tenures/" : "/events/") + encodeURIComponent(id)) };
      } catch (error) {
        const p = panel();
        p.hidden = false;
        document.body.classList.add("with-evidence");
        return showError(clear(p), error);
      }
    }
    return showEvidence(hit.kind, hit.record);
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
    const items = [];
    let index = 0;
    const position = h("span", { class: "muted evidence-position" });
    const step = (delta) => {
      if (!items.length) return;
      index = (index + delta + items.length) % items.length;
      openSource(sources[index], items[index], article);
      position.textContent = `${index + 1} of ${items.length}`;
      items[index].scrollIntoView({ block: "nearest" });
    };
    const stepper = h("div", { class: "evidence-steps" },
      h("button", { type: "button", class: "evidence-prev", onclick: () => step(-1), title: "Previous evidence" }, "‹ previous"),
      " ", position, " ",
      h("button", { type: "button", class: "evidence-next", onclick: () => step(1), title: "Next evidence" }, "next ›"));
    const zoom = kind === "tenure" && currentChart ? h("button", { type: "button", class: "zoom-tenure",
      onclick: () => currentChart.zoomToTenure(record) }, "Zoom the chart to this tenure") : null;
    clear(p).append(...[h("button", { type: "button", class: "close", onclick: deselect, "aria-label": "Close" }, "×"),
      ...describe(kind, record), zoom, h("h3", {}, `Evidence (${sources.length})`), sources.length > 1 ? stepper : null,
      list, article].filter(Boolean));
    sources.forEach((src, i) => {
      const pick = () => { index = i; step(0); };
      const item = h("li", { class: "source", tabindex: "0", "data-doc-id": src.doc_id, onclick: pick,
        onkeydown: (ev) => { if (ev.key === "Enter") pick(); } },
      h("div", { class: "source-meta" }, src.title || src.doc_id, src.published ? " · " + src.published : ""),
      h("q", { class: "sentence" }, src.text));
      list.appendChild(item);
      items.push(item);
    });
    if (items.length) step(0);
    else article.appendChild(h("p", { class: "muted" }, "No supporting sentence is stored for this record."));
  }

  function deselect() {
    const base = routeBase();
    if (base !== null && parseRoute().sel) location.hash = base;
    else closeEvidence();
  }

  async function openSource(src, item, article) {
    item.parentNode.querySelectorAll(".source").forEach((n) => n.classList.remove("active"));
    item.classList.add("active");
    clear(article).appendChild(h("p", { class: "muted" }, "Loading article…"));
    let doc;
    try {
      doc = await api("/document", { id: src.doc_id });
    } catch (error) {
      return showError(clear(article), error);
    }
    if (!item.classList.contains("active")) return; // another source was chosen meanwhile
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
    // scroll the article (not the panel) so the highlighted sentence sits in its upper third, once laid out
    requestAnimationFrame(() => {
      const mark = text.querySelector("mark.hl-selected");
      if (!mark) return;
      const offset = mark.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollTop = Math.max(0, scroller.scrollTop + offset - scroller.clientHeight / 3);
      const p = panel(), below = mark.getBoundingClientRect().bottom - p.getBoundingClientRect().bottom;
      if (below > 0) p.scrollTop += below + 24; // and the panel, when the sentence is still below its fold
    });
  }

  function showError(node, error) {
    node.appendChild(h("p", { class: "error" }, error.status ? `${error.status}: ${error.message}` : String(error.message || error)));
  }

  // ----------------------------------------------------------------------------------------- views

  const view = () => document.getElementById("view");

  /** A list fetched a page at a time from a paged endpoint, with a filter when the endpoint takes ``q``. */
  function pagedList(path, params, item, { size = 30, filterable = false } = {}) {
    let offset = 0, q = "";
    const list = h("ul", { class: "entities paged" });
    const info = h("span", { class: "muted table-info" });
    const prev = h("button", { type: "button", class: "page-prev", onclick: () => { offset = Math.max(0, offset - size); load(); } }, "‹ previous");
    const next = h("button", { type: "button", class: "page-next", onclick: () => { offset += size; load(); } }, "next ›");
    const filter = filterable ? h("input", { type: "search", class: "table-filter", placeholder: "Filter", "aria-label": "Filter",
      oninput: () => { q = filter.value.trim(); offset = 0; load(); } }) : null;
    const title = h("span", {});
    async function load() {
      const page = await api(path, { ...params, q: q || null, limit: size, offset });
      clear(list).append(...page.items.map(item));
      title.textContent = String(page.total);
      info.textContent = page.total ? `${offset + 1}–${offset + page.items.length} of ${page.total}` : "none";
      prev.disabled = offset === 0;
      next.disabled = offset + page.items.length >= page.total;
    }
    const ready = load();
    return { ready, title, node: h("div", { class: "paged-list" }, h("div", { class: "table-tools" }, filter, " ", prev, next, " ", info), list) };
  }

  async function overview() {
    const entity = (link) => (e) => h("li", {}, link(e.name),
      h("span", { class: "muted" }, ` ${plural(e.tenures, "tenure")}, ${plural(e.events, "event")}`));
    const orgs = pagedList("/entities", { kind: "org" }, entity(orgLink), { filterable: true });
    const people = pagedList("/entities", { kind: "person" }, entity(personLink), { filterable: true });
    const stories = pagedList("/stories", { min_documents: 2 }, storyItem, { size: 20 });
    await Promise.all([orgs.ready, people.ready, stories.ready]);
    return [h("h1", {}, "Leadership changes"),
      h("p", {}, h("a", { href: route("latest") }, "Latest changes"), h("span", { class: "muted" }, ": the most recently reported first")),
      h("div", { class: "columns" },
        h("section", {}, h("h2", {}, "Organisations (", orgs.title, ")"), orgs.node),
        h("section", {}, h("h2", {}, "People (", people.title, ")"), people.node),
        h("section", {}, h("h2", {}, "Stories with several articles (", stories.title, ")"), stories.node))];
  }

  const plural = (n, word, words) => `${n} ${n === 1 ? word : words || word + "s"}`;

  async function latestView() {
    const first = await api("/events", { order: "latest", limit: 500 });
    const rows = first.items.slice();
    let offset = first.items.length;
    const holder = h("div", {});
    const more = h("button", { type: "button", class: "more", onclick: async () => {
      const page = await api("/events", { order: "latest", limit: 500, offset });
      rows.push(...page.items);
      offset += page.items.length;
      draw();
    } }, "older changes");
    const note = h("p", { class: "muted" });
    const draw = () => {
      clear(holder).appendChild(eventTable(rows, (kind, e) => { location.hash = route("org", e.org || "", "sel", e.id); }, true));
      note.textContent = `${rows.length} of ${plural(first.total, "change")}, the most recently reported first.`;
      more.hidden = rows.length >= first.total;
    };
    draw();
    return [h("h1", {}, "Latest changes"), note, holder, more];
  }

  const storyItem = (st) => h("li", {}, h("a", { href: route("story", st.id) }, `${st.documents.length} articles`), ": ",
    st.documents.slice(0, 3).map((d) => d.title || d.id).join(" / "));

  async function storiesView() {
    const stories = pagedList("/stories", { min_documents: 2 }, storyItem, { size: 50 });
    await stories.ready;
    return [h("h1", {}, "Stories"), h("p", { class: "muted" }, "Stories reported by more than one article (", stories.title, ")."),
      stories.node];
  }

  function whoForm(org) {
    const answer = h("span", { class: "who-answer" });
    const role = h("input", { name: "role", placeholder: "role, e.g. CEO", required: true, maxlength: "200", "aria-label": "Role" });
    const day = h("input", { name: "on", type: "date", required: true, "aria-label": "Day" });
    const form = h("form", { class: "who-form", onsubmit: async (ev) => {
      ev.preventDefault();
      clear(answer).appendChild(document.createTextNode("…"));
      if (currentChart) currentChart.mark(dayMs(day.value));
      try {
        const res = await api("/who", { org, role: role.value, on: day.value });
        clear(answer).appendChild(document.createTextNode(res.holders.length ? res.holders.join(", ") : res.why || "nobody known"));
      } catch (error) {
        showError(clear(answer), error);
      }
    } }, "Who was ", role, " on ", day, " ", h("button", { type: "submit" }, "Ask"), " ", answer);
    return form;
  }

  async function orgView(name) {
    const tl = await api("/timeline", { org: name });
    const onSelect = select;
    const seatLabel = (key, records) => {
      if (!key) return "(employed, no role named)";
      const roles = records.map((t) => t.role).filter(Boolean).sort((p, q) => p.length - q.length);
      return roles[0] || key;
    };
    remember(tl);
    return [h("h1", {}, name),
      h("p", { class: "muted" }, `${plural(tl.total_tenures, "tenure")}, ${plural(tl.total_events, "event")}, ` +
        `${plural(tl.total_conflicts, "conflict")}. Click a bar or a marker to read the evidence (and there the holder's name ` +
        "for their career); " +
        "drag or shift+wheel to pan, ctrl+wheel to zoom around the cursor, shift+drag to zoom to a range, " +
        "double-click a bar to zoom to it (keys: + − ← → 0)."),
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
    const onSelect = select;
    remember(tl);
    const said = quotes.items.length
      ? [h("h3", {}, `Quotes (${quotes.items.length}${quotes.total > quotes.items.length ? "+" : ""})`), quoteTable(quotes)]
      : [];
    return [h("h1", {}, name),
      h("p", { class: "muted" }, `Career across organisations: ${plural(tl.total_tenures, "tenure")}, ${plural(tl.total_events, "event")}.`),
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
    const doc = await api("/document", { id });
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
    const story = await api("/story", { id, limit: 12 });
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

  // ------------------------------------------------------------------------- sources and changes

  const SEEN_KEY = "succession.lastSeenChange";

  /** The last change seen on this browser (0 before the first visit); saving it is best effort. */
  function lastSeen() {
    try { return Number(localStorage.getItem(SEEN_KEY)) || 0; } catch (e) { return 0; }
  }

  function markSeen(seq) {
    try { localStorage.setItem(SEEN_KEY, String(seq)); } catch (e) { /* private mode: nothing to keep */ }
  }

  function feedTable(feeds) {
    if (!feeds.length) return h("p", { class: "muted" }, "No feeds followed yet (succession watch FEEDS --db …).");
    return table(["feed", "health", "last fetch", "errors", "next due", "articles", "last error"], feeds.map((f) => [f, [
      f.title ? `${f.title} (${f.url})` : f.url, f.health, f.last_fetch || "", String(f.consecutive_errors),
      f.next_due || "", String(f.articles), f.last_error || ""]]));
  }

  function changeItem(c, seen) {
    const link = safeUrl(c.article_url);
    const fresh = c.seq > seen;
    return h("li", { class: fresh ? "change new" : "change" },
      fresh ? h("span", { class: "badge" }, "new") : null, " ",
      h("strong", {}, c.change), " ", c.organisation ? orgLink(c.organisation) : null, " — ", c.summary,
      h("div", { class: "muted" }, `“${shorten(c.evidence, 240)}” `,
        link ? h("a", { href: link, rel: "noopener noreferrer" }, "article") : c.document, ` · ${c.detected_at}`));
  }

  async function changesView() {
    const [feeds, changes] = await Promise.all([api("/feeds"), api("/changes", { limit: 200 })]);
    const seen = lastSeen();
    const fresh = changes.items.filter((c) => c.seq > seen).length;
    markSeen(changes.last_seq);
    return [h("h1", {}, "Changes"),
      h("p", { class: "muted" }, seen ? `${fresh} new since your last visit.` : "Your first visit: every change is new.",
        " Feed readers: ", h("a", { href: "/changes.atom" }, "/changes.atom")),
      h("ul", { class: "changes" }, changes.items.map((c) => changeItem(c, seen))),
      h("h2", {}, "Sources"), feedTable(feeds)];
  }

  // ---------------------------------------------------------------------------------------- router

  const known = new Map(); // record id -> {kind, record}, for records already on the page
  let currentChart = null;
  let renderedBase = null;
  let renderCount = 0; // a view whose data comes back after the reader has moved on is dropped

  function remember(tl) {
    tl.tenures.forEach((t) => known.set(t.id, { kind: "tenure", record: t }));
    tl.events.forEach((e) => known.set(e.id, { kind: "event", record: e }));
  }

  function parseHash() {
    const parts = location.hash.replace(/^#\/?/, "").split("/").filter((p) => p !== "").map((p) => {
      try { return decodeURIComponent(p); } catch (e) { return p; }
    });
    return parts;
  }

  /** The view's parts and the selected record (…/sel/ID). */
  function parseRoute() {
    const parts = parseHash();
    const at = parts.indexOf("sel");
    return at > 0 ? { parts: parts.slice(0, at), sel: parts.slice(at + 1).join("/") || null } : { parts, sel: null };
  }

  /** The hash of the current view without its selection; null for views without a selection. */
  function routeBase() {
    const { parts } = parseRoute();
    return ["org", "person"].includes(parts[0]) && parts.length > 1 ? route(...parts) : null;
  }

  async function render() {
    const { parts, sel } = parseRoute();
    const [name, ...args] = parts;
    const base = parts.map((p) => encodeURIComponent(p)).join("/");
    if (base === renderedBase && ["org", "person"].includes(name)) { // only the selection moved
      if (sel) openSelection(sel);
      else closeEvidence();
      return;
    }
    renderedBase = base;
    currentChart = null;
    const mine = ++renderCount;
    const target = clear(view());
    closeEvidence();
    target.appendChild(h("p", { class: "muted" }, "Loading…"));
    const views = {
      org: () => orgView(args[0]), person: () => personView(args[0]), story: () => storyView(args[0]),
      stories: () => storiesView(), latest: () => latestView(), changes: () => changesView(), search: () => searchView(args.join("/")),
      doc: () => docView(args[0], args[1] === undefined ? null : Number(args[1]), args[2] === undefined ? null : Number(args[2])),
    };
    try {
      const nodes = await (views[name] && args.length >= (["stories", "latest", "changes"].includes(name) ? 0 : 1) ? views[name]() : overview());
      if (mine !== renderCount) return; // a later render owns the page now (the reader moved on while this one loaded)
      clear(target).append(...[nodes].flat().filter(Boolean));
      document.title = "succession — " + (args[0] || name || "overview");
      if (sel) openSelection(sel);
    } catch (error) {
      if (mine === renderCount) showError(clear(target), error);
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
