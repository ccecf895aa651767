/* Dateline pages: small helpers, an SVG line chart, a tile map, and one init per page. No dependencies. */
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const PALETTE = ["#1f5fbf", "#d9480f", "#2b8a3e", "#862e9c", "#c92a2a", "#0b7285", "#e67700", "#5f3dc4"];
const KEY_STORE = "dateline.apiKey";

/** An element with attributes and children; text is always set as text, never parsed as HTML. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

/** An SVG element with attributes. */
function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  return node;
}

/** GET a JSON API path with query parameters (empty ones left out); throws the problem's detail. */
async function api(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) query.set(name, value);
  }
  const headers = { Accept: "application/json" };
  const key = localStorage.getItem(KEY_STORE);
  if (key) headers.Authorization = `Bearer ${key}`; // servers with READS_NEED_KEY want it on reads too
  const response = await fetch(query.toString() ? `${path}?${query}` : path, { headers });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
  return body;
}

function showError(container, error) {
  container.replaceChildren(el("p", { class: "error-box", text: `Could not load: ${error.message}` }));
}

/* ---------- time buckets ---------- */

function nextBucket(day, interval) {
  const d = new Date(`${day}T00:00:00Z`);
  if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (interval === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

/** Every bucket from the first to the last time, so quiet days show as zero instead of being skipped. */
function bucketsBetween(times, interval) {
  if (!times.length) return [];
  const sorted = [...new Set(times)].sort();
  const out = [sorted[0]];
  const last = sorted[sorted.length - 1];
  while (out[out.length - 1] < last && out.length < 1000) out.push(nextBucket(out[out.length - 1], interval));
  return out.length < 1000 ? out : sorted;
}

/** A round tick step giving about four ticks up to `value`; whole numbers, since the values are counts. */
function tickStep(value) {
  const rough = Math.max(1, value / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) if (m * power >= rough) return m * power;
  return rough;
}

/* ---------- line chart ---------- */

/** Draw rows of {time, series, value} as one line per series, with axes and a legend. */
function lineChart(container, rows, interval, label) {
  container.replaceChildren();
  if (!rows.length) {
    container.append(el("p", { class: "muted chart-empty", text: "No data for this period yet." }));
    return;
  }
  const times = bucketsBetween(rows.map((r) => r.time), interval);
  const names = [];
  const values = new Map();
  for (const row of rows) {
    if (!values.has(row.series)) { values.set(row.series, new Map()); names.push(row.series); }
    values.get(row.series).set(row.time, row.value);
  }
  const W = 900, H = 260, left = 44, right = 16, top = 12, bottom = 30;
  const step = tickStep(Math.max(...rows.map((r) => r.value)));
  const maxY = step * Math.max(1, Math.ceil(Math.max(...rows.map((r) => r.value)) / step));
  // A true time axis: a point stands at its date, so uneven buckets (months) and any gap keep their width.
  const at = (time) => Date.parse(`${time}T00:00:00Z`);
  const t0 = at(times[0]), t1 = at(times[times.length - 1]);
  const xAt = (time) => t1 === t0 ? left + (W - left - right) / 2 : left + ((at(time) - t0) * (W - left - right)) / (t1 - t0);
  const x = (i) => xAt(times[i]);
  const y = (v) => top + (H - top - bottom) * (1 - v / maxY);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label, class: "line-chart" });
  for (let v = 0; v <= maxY; v += step) {
    chart.append(svg("line", { class: "grid", x1: left, x2: W - right, y1: y(v), y2: y(v) }));
    const t = svg("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" });
    t.textContent = v;
    chart.append(t);
  }
  chart.append(svg("line", { class: "axis", x1: left, x2: W - right, y1: y(0), y2: y(0) }));
  const every = Math.max(1, Math.ceil(times.length / 8));
  times.forEach((time, i) => {
    if (i % every && i !== times.length - 1) return;
    const t = svg("text", { x: x(i), y: H - 10, "text-anchor": "middle" });
    t.textContent = interval === "month" ? time.slice(0, 7) : time;
    chart.append(t);
  });
  const legend = el("div", { class: "chart-legend" });
  names.forEach((name, s) => {
    const colour = PALETTE[s % PALETTE.length];
    const series = values.get(name);
    const points = times.map((time, i) => [x(i), y(series.get(time) || 0), time, series.get(time) || 0]);
    const group = svg("g", { class: "series-group", "data-series": name });
    group.append(svg("polyline", { class: "series", stroke: colour, points: points.map((p) => `${p[0]},${p[1]}`).join(" ") }));
    for (const [px, py, time, v] of points) {
      const dot = svg("circle", { cx: px, cy: py, r: v ? 3.5 : 2, fill: colour });
      const title = svg("title");
      title.textContent = `${name}: ${v} on ${time}`;
      dot.append(title);
      group.append(dot);
    }
    chart.append(group);
    legend.append(el("span", {}, el("i", { style: `background:${colour}` }), name));
  });
  container.append(chart, legend);
}

/* ---------- bars (top lists) ---------- */

function barList(list, items, link, describe) {
  list.replaceChildren();
  if (!items.length) { list.append(el("li", { class: "muted", text: "Nothing yet." })); return; }
  const max = Math.max(...items.map((i) => i.value));
  for (const item of items) {
    const href = link(item);
    const name = href ? el("a", { href, text: describe(item) }) : el("span", { text: describe(item) });
    list.append(el("li", { class: "bar" },
      el("span", { class: "fill", style: `width:${(100 * item.value) / max}%` }),
      name, el("span", { class: "value", text: item.value })));
  }
}

/* ---------- tile map ---------- */

function shade(t) {
  // From a pale blue to a deep blue; t in [0, 1].
  const from = [219, 231, 247], to = [11, 61, 145];
  return `rgb(${from.map((c, i) => Math.round(c + (to[i] - c) * t)).join(",")})`;
}

/** A grid of country tiles by ISO code, shaded by value (log scale); tiles link to the entity page. */
function tileMap(container, tiles, counts) {
  container.replaceChildren();
  const size = 34, gap = 2;
  const cols = Math.max(...Object.values(tiles).map((t) => t[0])) + 1;
  const rows = Math.max(...Object.values(tiles).map((t) => t[1])) + 1;
  const max = Math.max(1, ...[...counts.values()].map((c) => c.value));
  const map = svg("svg", { viewBox: `0 0 ${cols * size} ${rows * size}`, role: "img", "aria-label": "Mentions by country" });
  for (const [code, [cx, cy, name]] of Object.entries(tiles)) {
    const hit = counts.get(code);
    const t = hit ? Math.log(1 + hit.value) / Math.log(1 + max) : 0;
    const group = svg("g", { class: `tile${hit ? " shaded" : ""}${hit && t < 0.45 ? " light" : ""}`, "data-code": code });
    const rect = svg("rect", {
      x: cx * size + gap / 2, y: cy * size + gap / 2, width: size - gap, height: size - gap, rx: 4,
      fill: hit ? shade(0.15 + 0.85 * t) : "#eef0f3",
    });
    const title = svg("title");
    title.textContent = hit ? `${hit.name}: ${hit.value} mentions in ${hit.articles} articles` : `${name}: no mentions`;
    const label = svg("text", { x: cx * size + size / 2, y: cy * size + size / 2 + 4 });
    label.textContent = code;
    group.append(rect, label, title);
    if (hit && hit.id) {
      const a = svg("a", { href: `/entities/${hit.id}` });
      a.append(group);
      map.append(a);
    } else {
      map.append(group);
    }
  }
  const scale = el("div", { class: "map-scale" }, el("span", { text: "1" }), el("span", { class: "ramp" }), el("span", { text: String(max) }));
  container.append(map, scale);
}

/* ---------- pages ---------- */

function initHome() {
  const form = document.getElementById("paste-form");
  const key = document.getElementById("api-key");
  const status = document.getElementById("paste-status");
  const button = document.getElementById("paste-submit");
  key.value = localStorage.getItem(KEY_STORE) || "";
  key.addEventListener("change", () => localStorage.setItem(KEY_STORE, key.value.trim()));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    localStorage.setItem(KEY_STORE, key.value.trim());
    const body = { text: document.getElementById("paste-text").value };
    for (const [id, field] of [["paste-published", "published_at"], ["paste-url", "url"], ["paste-source", "source"]]) {
      const value = document.getElementById(id).value.trim();
      if (value) body[field] = value;
    }
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (key.value.trim()) headers.Authorization = `Bearer ${key.value.trim()}`;
    button.disabled = true;
    status.className = "";
    status.textContent = "Analysing…";
    try {
      const response = await fetch("/v1/articles", { method: "POST", headers, body: JSON.stringify(body) });
      const reply = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(reply.detail || `${response.status} ${response.statusText}`);
      status.textContent = response.status === 200 ? "Already stored: opening it…" : "Done: opening it…";
      window.location.assign(`/articles/${reply.id}`);
    } catch (error) {
      status.className = "error";
      status.textContent = error.message;
      button.disabled = false;
    }
  });
}

function initArticle() {
  // Hovering a quote lights up the words naming its speaker, and the other way round.
  const text = document.getElementById("article-text");
  const toggle = (id, on) => {
    for (const node of text.querySelectorAll(`[data-quote-id="${CSS.escape(id)}"]`)) node.classList.toggle("active", on);
  };
  for (const type of ["mouseover", "mouseout"]) {
    text.addEventListener(type, (event) => {
      const node = event.target.closest && event.target.closest(".quote, .speaker-ref");
      if (node) toggle(node.dataset.quoteId, type === "mouseover");
    });
  }
}

async function initEntity() {
  const chart = document.getElementById("entity-chart");
  const select = document.getElementById("interval");
  const { entityId, entityName, entityType } = chart.dataset;
  // Split by entity so only this entity's own mentions count, not every mention in its articles.
  const ownMentions = (interval) =>
    api("/v1/stats/timeseries", { metric: "mentions", split: "entity", entity: entityId, type: entityType, interval, series: 50 })
      .then((data) => data.items.filter((r) => r.series === entityName))
      .catch(() => []);
  const draw = async () => {
    const interval = select.value;
    try {
      let rows = (await ownMentions(interval)).map((r) => ({ ...r, series: `mentions of ${entityName}` }));
      let label = `Mentions of ${entityName}`;
      if (!rows.length) {
        const fallback = await api("/v1/stats/timeseries", { metric: "articles", entity: entityId, interval });
        rows = fallback.items.map((r) => ({ ...r, series: `articles mentioning ${entityName}` }));
        label = `Articles mentioning ${entityName}`;
      }
      chart.dataset.metric = label;
      lineChart(chart, rows, interval, label);
    } catch (error) {
      showError(chart, error);
    }
  };
  select.addEventListener("change", draw);
  await draw();
}

/** The dashboard's filters live in the page's URL (?published_from=&published_to=&interval=), so a view can
 * be bookmarked, shared and reloaded; the form is filled from it and writes back to it. */
function filtersFromUrl(form) {
  const params = new URLSearchParams(window.location.search);
  for (const field of form.elements) {
    if (field.name && params.has(field.name)) field.value = params.get(field.name);
  }
}

function filtersToUrl(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form).entries()) if (value) params.set(name, value);
  const query = params.toString();
  window.history.replaceState(null, "", query ? `${window.location.pathname}?${query}` : window.location.pathname);
}

async function initDashboard() {
  const form = document.getElementById("filters");
  filtersFromUrl(form);
  let tiles = null;
  const load = async () => {
    const f = Object.fromEntries(new FormData(form).entries());
    const filters = { published_from: f.published_from, published_to: f.published_to };
    const jobs = [
      api("/v1/articles", { ...filters, limit: 1 }).then((page) => {
        const totals = document.getElementById("totals");
        totals.replaceChildren(el("div", { class: "stat" }, el("b", { text: page.total }), el("span", { text: "articles" })));
      }),
      api("/v1/stats/timeseries", { ...filters, metric: "mentions", split: "entity", series: 5, interval: f.interval })
        .then((data) => {
          lineChart(document.getElementById("mentions-chart"), data.items, f.interval, "Mentions over time, top 5 entities");
          const note = document.getElementById("undated");
          note.textContent = data.undated ? `${data.undated} mentions in articles without a date are not charted.` : "";
        })
        .catch((e) => showError(document.getElementById("mentions-chart"), e)),
      api("/v1/stats/top", { ...filters, dimension: "speakers", limit: 10 })
        .then((data) => barList(document.getElementById("top-speakers"), data.items, (i) => (i.id ? `/entities/${i.id}` : null), (i) => i.name)),
      api("/v1/stats/top", { ...filters, dimension: "entities", limit: 10 })
        .then((data) => barList(document.getElementById("top-entities"), data.items, (i) => `/entities/${i.id}`, (i) => `${i.name} · ${i.type}`)),
      api("/v1/stats/top", { ...filters, dimension: "pairs", limit: 10 })
        .then((data) => barList(document.getElementById("top-pairs"), data.items, (i) => `/entities/${i.id}`, (i) => `${i.name} + ${i.other_name}`)),
      (async () => {
        const container = document.getElementById("country-map");
        try {
          tiles = tiles || (await api("/static/country-tiles.json")).tiles;
          // The top list has the counts; the entity list has each place's country code.
          const [top, places] = await Promise.all([
            api("/v1/stats/top", { ...filters, dimension: "entities", type: "GPE", limit: 100 }),
            api("/v1/entities", { type: "GPE", limit: 100 }),
          ]);
          const codes = new Map(places.items.filter((e) => e.country_code).map((e) => [e.id, e.country_code.toUpperCase()]));
          const counts = new Map();
          for (const item of top.items) {
            const code = codes.get(item.id);
            if (!code || !(code in tiles)) continue;
            const seen = counts.get(code);
            if (seen) { seen.value += item.value; seen.articles += item.articles || 0; }
            else counts.set(code, { id: item.id, name: item.name, value: item.value, articles: item.articles || 0 });
          }
          tileMap(container, tiles, counts);
        } catch (error) {
          showError(container, error);
        }
      })(),
    ];
    await Promise.allSettled(jobs);
    document.body.dataset.loaded = "true";
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); filtersToUrl(form); load(); });
  await load();
}

const PAGES = { home: initHome, article: initArticle, entity: initEntity, dashboard: initDashboard };
document.addEventListener("DOMContentLoaded", () => {
  const init = PAGES[document.body.dataset.page];
  if (init) Promise.resolve(init()).finally(() => { document.body.dataset.ready = "true"; });
  else document.body.dataset.ready = "true";
});
