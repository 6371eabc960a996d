// kroniek web UI. Plain JavaScript with vendored libraries (static/vendor/: d3-geo and
// topojson-client draw the map from Natural Earth outlines, cytoscape.js the network);
// nothing is loaded from elsewhere. Words come from i18n.js in Dutch or English.
//
// Every text that comes from an article (titles, names, sentences, the article body) is
// put on the page with createTextNode/textContent, never as HTML: an article holding
// "<script>" shows those characters. Routes live in the URL's hash:
//   #/                      overview: top actors, network, map
//   #/actor/REF?from=&to=   an actor's timeline, network and map
//   #/dyad/A/B?from=&to=    events between two actors, both directions
//   #/search/TEXT           full-text search over articles
//   #/doc/ID[/EVENT]        an article with its annotations highlighted
//   #/stories?actor=&from=&to=  story threads, most reported first (with an actor: its own)
//   #/story/ID              one story: each merged event's status arc and every report
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const UI = { lang: "nl", dutch: {}, world: null, cy: null };

// ------------------------------------------------------------------ words and names

function t(key, ...args) {
  const table = STRINGS[UI.lang] || STRINGS.nl;
  const text = key in table ? table[key] : (STRINGS.en[key] || key);
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[+i] ?? ""));
}

function modality(m) { return t("mod." + m); }

// An actor's name in the chosen language: the KB's Dutch name when there is one.
function nameFor(kbId, english) {
  return UI.lang === "nl" && kbId && UI.dutch[kbId] ? UI.dutch[kbId] : english;
}

function refName(ref) {
  if (!ref) return "?";
  return nameFor(ref.actor && ref.actor.kb_id, ref.name);
}

function matchTitle(m) { return UI.lang === "nl" && m.label_nl ? m.label_nl : m.label; }

function applyLanguage() {
  document.documentElement.lang = UI.lang;
  document.getElementById("lang-select").value = UI.lang;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
}

// ------------------------------------------------------------------ small helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.setAttribute("class", v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function link(href, ...children) { return el("a", { href }, ...children); }

function status(message) { document.getElementById("status").textContent = message || ""; }

async function api(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) { for (const x of v) url.searchParams.append(k, x); }
    else if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  let response;
  try { response = await fetch(url); } catch (e) {
    const err = new Error(e.message); err.code = "network"; throw err;
  }
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const err = new Error(body && body.error ? body.error.message : response.statusText);
    err.code = body && body.error ? body.error.code : String(response.status);
    throw err;
  }
  return body;
}

function docHref(docId, eventId) {
  return "#/doc/" + encodeURIComponent(docId) + (eventId ? "/" + encodeURIComponent(eventId) : "");
}

function actorHref(ref, period) {
  return "#/actor/" + encodeURIComponent(ref) + periodQuery(period);
}

function periodQuery(period) {
  const p = new URLSearchParams();
  if (period && period.from) p.set("from", period.from);
  if (period && period.to) p.set("to", period.to);
  const s = p.toString();
  return s ? "?" + s : "";
}

function entityLabel(ref) {
  if (!ref) return "?";
  const code = ref.actor && ref.actor.code ? " (" + ref.actor.code + ")" : "";
  return refName(ref) + code;
}

function eventDate(e) {
  if (e.event.date && e.dated_by === "event") return e.event.date;
  return "~" + e.doc_date;  // undated event: its article's date stands in
}

// An entity's name by id; "?" when the id is empty or unknown to this document.
function nameOf(names, id) {
  return (id && names[id]) ? refName(names[id]) : "?";
}

// ------------------------------------------------------------------ routing

function currentRoute() {
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  // A hand-edited address may hold a stray "%": keep such a part as typed.
  const decode = (part) => { try { return decodeURIComponent(part); } catch { return part; } };
  const parts = path.split("/").filter(Boolean).map(decode);
  const params = new URLSearchParams(query || "");
  return { parts, actor: params.get("actor") || "",
           period: { from: params.get("from") || "", to: params.get("to") || "" } };
}

// The search boxes always show what the page on screen was asked for (also when the
// answer is an error, so it can be corrected), never a query of an earlier page.
function syncInputs(parts, period) {
  const route = parts[0];
  document.getElementById("actor-input").value = route === "actor" ? parts[1] || "" : route === "dyad" ? parts[1] || "" : "";
  document.getElementById("dyad-input").value = route === "dyad" ? parts[2] || "" : "";
  document.getElementById("text-input").value = route === "search" ? parts[1] || "" : "";
  document.getElementById("from-input").value = period.from;
  document.getElementById("to-input").value = period.to;
}

async function render() {
  const { parts, period, actor } = currentRoute();
  const view = document.getElementById("view");
  status("");
  syncInputs(parts, period);
  try {
    if (parts[0] === "actor" && parts[1]) await renderActor(view, parts[1], period);
    else if (parts[0] === "dyad" && parts[1] && parts[2]) await renderDyad(view, parts[1], parts[2], period);
    else if (parts[0] === "search" && parts[1]) await renderSearch(view, parts[1], period);
    else if (parts[0] === "doc" && parts[1]) await renderDocument(view, parts[1], parts[2] || null);
    else if (parts[0] === "stories") await renderStories(view, period, actor);
    else if (parts[0] === "story" && parts[1]) await renderStory(view, parts[1]);
    else await renderHome(view, period);
  } catch (err) {
    clear(view);
    // the stories list names its actor in the query, not the path: the error names it too
    await showError(err, parts[0] === "stories" && actor ? ["stories", actor] : parts);
  }
}

// An error in plain words with what to do next; the stable code stays on the element
// (data-code) for whoever reports the problem, not in the sentence.
async function showError(err, parts) {
  const box = document.getElementById("status");
  clear(box);
  const asked = parts[0] === "dyad" ? `${parts[1]} / ${parts[2]}` : parts[1] || "";
  // a search text that cannot be read is about quotes and brackets, not dates
  let code = parts[0] === "search" && err.code === "E_QUERY_PARAM" ? "E_STORE_QUERY" : err.code;
  // an unknown story is not an unknown article
  if (parts[0] === "story" && err.code === "E_STORE_NOT_FOUND") code = "E_STORY_NOT_FOUND";
  const key = "err." + code;
  const known = key in STRINGS.en;
  box.dataset.code = err.code || "";
  box.appendChild(el("span", { class: "message" }, known ? t(key, asked) : err.code === "404" ? t("err.404") : t("err.other")));
  if (code === "E_STORY_NOT_FOUND") { box.appendChild(document.createTextNode(" ")); box.appendChild(link("#/stories", t("stories.link"))); }
  if (err.code === "E_QUERY_NO_ACTOR" && asked) {
    // "did you mean": the actors whose names start like the query
    const first = asked.replace(/^(kb|name|country):/, "").split(/[\s/]+/)[0].slice(0, 3);
    let near = [];
    try { near = first.length >= 2 ? await api("/api/actors", { q: first, limit: 5 }) : []; } catch (e) { near = []; }
    if (near.length) {
      const p = el("span", { class: "did-you-mean" }, " " + t("did.you.mean"));
      near.forEach((a, i) => { if (i) p.appendChild(document.createTextNode(", ")); p.appendChild(link(actorHref(a.ref), actorName(a))); });
      box.appendChild(p);
    }
  }
  box.appendChild(document.createTextNode(" "));
  box.appendChild(link("#/", t("home.link")));
}

function actorName(a) {
  return UI.lang === "nl" && a.name_nl ? a.name_nl : a.name;
}

// ------------------------------------------------------------------ views

async function renderHome(view, period) {
  const [summary, top] = await Promise.all([api("/api/summary"), api("/api/actors", { limit: 15 })]);
  clear(view);
  view.appendChild(el("h1", {}, t("home.title")));
  if (!summary.documents) {
    view.appendChild(el("p", { class: "empty", id: "empty-db" }, t("empty.db")));
    return;
  }
  view.appendChild(el("p", { class: "muted" },
    t("home.counts", summary.documents, summary.events, summary.entities, summary.quotes) +
    (summary.first_day ? t("home.range", summary.first_day, summary.last_day) : "") + "."));
  const list = el("table", { class: "list", id: "top-actors" },
    el("tr", {}, el("th", {}, t("col.actor")), el("th", {}, t("col.type")), el("th", {}, t("col.country")),
       el("th", {}, t("col.articles")), el("th", {}, t("col.events"))));
  for (const a of top) {
    list.appendChild(el("tr", {}, el("td", {}, link(actorHref(a.ref, period), actorName(a))),
      el("td", {}, a.type || t("kind.country")), el("td", {}, a.country || ""), el("td", {}, a.documents),
      el("td", {}, a.events)));
  }
  const grid = el("div", { class: "grid" },
    el("div", {}, el("h2", {}, t("home.top")), list),
    el("div", {}, el("h2", {}, t("network")), networkBox(),
       el("h2", {}, t("map")), el("div", { id: "map", class: "card" })));
  view.appendChild(grid);
  await Promise.all([drawNetwork(document.getElementById("network"), { from: period.from, to: period.to }, period),
                     drawMap(document.getElementById("map"), { from: period.from, to: period.to }, period)]);
}

function didYouMean(m) {
  if (!m.alternatives || !m.alternatives.length) return null;
  const p = el("p", { class: "did-you-mean", id: "did-you-mean" }, t("read.as", m.query, matchTitle(m)), " ", t("did.you.mean"));
  m.alternatives.forEach((a, i) => {
    if (i) p.appendChild(document.createTextNode(", "));
    p.appendChild(link(actorHref(a.ref), UI.lang === "nl" && a.label_nl ? a.label_nl : a.label));
  });
  return p;
}

async function renderActor(view, actor, period) {
  const timeline = await api("/api/timeline", { actor, from: period.from, to: period.to });
  clear(view);
  const m = timeline.actor;
  view.appendChild(el("h1", { id: "timeline-title" }, matchTitle(m)));
  view.appendChild(el("p", { class: "muted" },
    t("timeline.summary", t("kind." + m.kind), m.value, m.entities, m.documents, timeline.events.length) +
    (timeline.truncated ? t("timeline.truncated") : "") + "."));
  const dym = didYouMean(m);
  if (dym) view.appendChild(dym);
  const p = new URLSearchParams({ actor });
  if (period.from) p.set("from", period.from);
  if (period.to) p.set("to", period.to);
  view.appendChild(el("p", {}, link("#/stories?" + p.toString(), t("stories.for", matchTitle(m)))));
  const left = el("div", {}, el("h2", {}, t("timeline")), legend(),
                  drawTimeline(timeline.events), eventList(timeline.events, "timeline-events"));
  const right = el("div", {}, el("h2", {}, t("network.period")), networkBox(),
                   el("h2", {}, t("map")), el("div", { id: "map", class: "card" }));
  view.appendChild(el("div", { class: "grid" }, left, right));
  await Promise.all([
    drawNetwork(document.getElementById("network"), { actor, from: period.from, to: period.to }, period),
    drawMap(document.getElementById("map"), { actor, from: period.from, to: period.to }, period),
  ]);
}

async function renderDyad(view, a, b, period) {
  const dyad = await api("/api/dyad", { a, b, from: period.from, to: period.to });
  clear(view);
  const na = matchTitle(dyad.a), nb = matchTitle(dyad.b);
  view.appendChild(el("h1", { id: "timeline-title" }, `${na} ⇄ ${nb}`));
  const ab = dyad.events.filter(e => e.role === "a->b").length;
  view.appendChild(el("p", { class: "muted" }, t("dyad.summary", na, nb, ab, dyad.events.length - ab)));
  for (const m of [dyad.a, dyad.b]) { const d = didYouMean(m); if (d) view.appendChild(d); }
  view.appendChild(legend());
  view.appendChild(drawTimeline(dyad.events));
  view.appendChild(eventList(dyad.events, "timeline-events", { a: na, b: nb }));
}

async function renderSearch(view, text, period) {
  const hits = await api("/api/search", { q: text, from: period.from, to: period.to });
  clear(view);
  view.appendChild(el("h1", {}, t("search.title", text)));
  if (!hits.length) view.appendChild(el("p", { class: "empty" }, t("search.empty", text)));
  const list = el("ol", { id: "search-results" });
  for (const h of hits) {
    const snippet = el("div", { class: "snippet" });
    for (const part of h.snippet) snippet.appendChild(part.hit ? el("mark", {}, part.text) : document.createTextNode(part.text));
    list.appendChild(el("li", {}, link(docHref(h.id), h.title || h.id), " ",
      el("span", { class: "muted" }, `${h.date}${h.medium ? " · " + h.medium : ""}`), snippet));
  }
  view.appendChild(list);
}

async function renderDocument(view, docId, eventId) {
  const doc = await api("/api/documents/" + encodeURIComponent(docId));
  clear(view);
  const names = Object.fromEntries(doc.entities.map(e => [e.id, e]));
  const selected = doc.events.find(v => v.id === eventId) || null;
  view.appendChild(el("h1", { id: "doc-title" }, doc.title || doc.id));
  const url = /^https?:\/\//i.test(doc.url || "") ? el("a", { href: doc.url, rel: "noopener noreferrer" }, t("source")) : null;
  view.appendChild(el("p", { class: "muted" }, `${doc.date} · ${doc.id}`, doc.source ? ` · ${doc.source}` : "",
                      url ? " · " : "", url));
  view.appendChild(el("p", { class: "keys" },
    el("span", { class: "ent ent-PER" }, t("keys.person")), el("span", { class: "ent ent-ORG" }, t("keys.org")),
    el("span", { class: "ent ent-LOC" }, t("keys.place")), el("span", { class: "ent ent-GPE" }, t("keys.gpe")),
    el("span", { class: "time" }, t("keys.time")), el("span", { class: "trigger" }, t("keys.event")),
    el("span", { class: "quote" }, t("keys.quote"))));
  const text = el("div", { id: "article-text", class: "article-text card" }, ...highlighted(doc, selected));
  const side = el("div", {});
  if (selected) side.appendChild(eventCard(doc, selected, names));
  side.appendChild(el("h2", {}, t("doc.events")));
  const evs = el("table", { class: "list", id: "doc-events" });
  for (const v of doc.events) {
    evs.appendChild(el("tr", { class: v.id === eventId ? "selected-row" : null },
      el("td", {}, link(docHref(doc.id, v.id), v.type)),
      el("td", {}, el("span", { class: "badge " + v.modality }, modality(v.modality))),
      el("td", {}, `${nameOf(names, v.source)} → ${nameOf(names, v.target)}`),
      el("td", {}, v.date || "")));
  }
  side.appendChild(doc.events.length ? evs : el("p", { class: "muted" }, t("doc.noevents")));
  side.appendChild(el("h2", {}, t("doc.entities")));
  const ents = el("table", { class: "list" });
  for (const e of doc.entities) {
    const a = e.actor || {};
    ents.appendChild(el("tr", {}, el("td", {}, link(actorHref(a.kb_id ? "kb:" + a.kb_id : "name:" + e.name), refName(e))),
      el("td", {}, e.type), el("td", {}, a.code || ""), el("td", {}, String(e.mentions.length) + "×")));
  }
  side.appendChild(ents);
  if (doc.quotes.length) {
    side.appendChild(el("h2", {}, t("doc.quotes")));
    for (const q of doc.quotes) {
      side.appendChild(el("p", {}, el("b", {}, nameOf(names, q.speaker)), ` (${q.kind}): “${q.text}”`));
    }
  }
  view.appendChild(el("div", { class: "grid" }, text, side));
  const mark = document.getElementById("selected-sentence");
  if (mark) mark.scrollIntoView({ block: "center" });
}

function eventCard(doc, v, names) {
  const name = id => nameOf(names, id);
  return el("div", { class: "card event " + v.modality, id: "selected-event" },
    el("div", { class: "head" }, el("span", { class: "etype" }, v.type),
       el("span", { class: "badge " + v.modality }, modality(v.modality)),
       v.mode ? el("span", { class: "muted" }, v.mode) : null),
    el("div", {}, `${name(v.source)} → ${name(v.target)}`),
    v.location ? el("div", { class: "muted" }, t("at", name(v.location))) : null,
    el("div", { class: "muted" }, t("event.date", v.date || t("event.nodate", doc.date))),
    v.reported_by ? el("div", { class: "muted" }, t("event.reported", name(v.reported_by))) : null,
    el("div", { class: "muted" }, t("event.confidence", v.confidence)));
}

// ------------------------------------------------------------------ article highlighting

// The article's text cut at every span boundary; each piece carries the classes of the
// spans covering it. Pieces are text nodes inside <span>s: offsets are code points, so
// the text is handled as an array of code points, as Python counts them.
function highlighted(doc, selected) {
  const chars = Array.from(doc.text);
  const spans = [];
  for (const e of doc.entities) {
    for (const m of e.mentions) spans.push({ start: m.start, end: m.end, cls: "ent ent-" + e.type, title: `${e.type} ${e.name}` });
  }
  for (const t of doc.times) spans.push({ start: t.start, end: t.end, cls: "time", title: `${t.type} ${t.value || ""}` });
  for (const q of doc.quotes) spans.push({ start: q.start, end: q.end, cls: "quote", title: `${q.kind} quote` });
  for (const v of doc.events) {
    const sel = selected && v.id === selected.id;
    spans.push({ start: v.trigger.start, end: v.trigger.end, cls: "trigger" + (sel ? " trigger-selected" : ""),
                 title: `${v.type} (${v.modality})` });
  }
  const clamp = n => Math.max(0, Math.min(chars.length, n));
  const cuts = new Set([0, chars.length]);
  for (const s of spans) { cuts.add(clamp(s.start)); cuts.add(clamp(s.end)); }
  const sent = selected ? { start: clamp(selected.sentence.start), end: clamp(selected.sentence.end) } : null;
  if (sent) { cuts.add(sent.start); cuts.add(sent.end); }
  const points = Array.from(cuts).sort((a, b) => a - b);
  const out = [];
  // The selected event's sentence is one element around its pieces, so it reads as one highlight.
  const wrapper = sent ? el("span", { id: "selected-sentence", class: "sentence-selected",
                                      "data-start": sent.start, "data-end": sent.end }) : null;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const piece = chars.slice(a, b).join("");
    const covering = spans.filter(s => s.start <= a && s.end >= b && s.start < s.end);
    const node = covering.length
      ? el("span", { class: covering.map(s => s.cls).join(" "), title: covering.map(s => s.title).join(" · "),
                     "data-start": a, "data-end": b }, piece)
      : document.createTextNode(piece);
    if (wrapper && a >= sent.start && b <= sent.end) {
      if (!wrapper.parentNode && !out.includes(wrapper)) out.push(wrapper);
      wrapper.appendChild(node);
    } else {
      out.push(node);
    }
  }
  return out;
}

// ------------------------------------------------------------------ timeline

function legend() {
  return el("p", { class: "legend" },
    el("span", { class: "badge asserted" }, modality("asserted")), el("span", { class: "badge negated" }, t("legend.negated")),
    el("span", { class: "badge planned" }, modality("planned")), el("span", { class: "badge hypothetical" }, modality("hypothetical")));
}

function dayNumber(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000; }

// Two lanes on one time axis: what happened (asserted, and negated marked apart) above,
// what is planned or hypothetical below, so the two are never confused. Every mark is a
// link: Tab reaches the first, the arrow keys go to the previous and next in time.
function drawTimeline(events) {
  const width = 720, height = 150, left = 150, right = 30;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, id: "timeline-svg", role: "group",
                            "aria-label": t("timeline") + ". " + t("timeline.keys") });
  if (!events.length) {
    root.appendChild(svg("text", { x: 10, y: 30, class: "lane-label", id: "timeline-empty" }, t("timeline.empty")));
    return root;
  }
  const days = events.flatMap(e => [dayNumber(e.first_day), dayNumber(e.last_day)]);
  let lo = Math.min(...days), hi = Math.max(...days);
  if (hi - lo < 1) { lo -= 15; hi += 15; }
  const x = d => left + (d - lo) / (hi - lo) * (width - left - right);
  const lanes = { happened: 45, intended: 100 };
  root.appendChild(svg("text", { x: 4, y: lanes.happened + 4, class: "lane-label" }, t("lane.happened")));
  root.appendChild(svg("text", { x: 4, y: lanes.intended + 4, class: "lane-label" }, t("lane.intended")));
  const axis = svg("g", { class: "axis" });
  axis.appendChild(svg("line", { x1: left, x2: width - right, y1: 130, y2: 130 }));
  for (let k = 0; k <= 4; k++) {
    const d = lo + (hi - lo) * k / 4;
    const label = new Date(d * 86400000).toISOString().slice(0, 10);
    axis.appendChild(svg("line", { x1: x(d), x2: x(d), y1: 126, y2: 134 }));
    axis.appendChild(svg("text", { x: x(d), y: 146, "text-anchor": "middle" }, label));
  }
  root.appendChild(axis);
  const stack = {};
  const marks = [];
  events.forEach((e, i) => {
    const m = e.event.modality;
    const lane = (m === "planned" || m === "hypothetical") ? "intended" : "happened";
    const mid = (dayNumber(e.first_day) + dayNumber(e.last_day)) / 2;
    const key = lane + Math.round(x(mid) / 8);
    const n = stack[key] = (stack[key] || 0) + 1;
    const cy = lanes[lane] + ((n - 1) % 3) * 9 - 9;
    const label = `${eventDate(e)} ${e.event.type} (${modality(m)}): ${entityLabel(e.source)} → ${entityLabel(e.target)}`;
    const a = svg("a", { href: docHref(e.doc_id, e.event.id), class: "timeline-mark", "aria-label": label,
                         tabindex: i === 0 ? 0 : -1, "data-index": i });
    if (dayNumber(e.last_day) > dayNumber(e.first_day)) {  // a month or a year: a bar for its span
      a.appendChild(svg("line", { x1: x(dayNumber(e.first_day)), x2: x(dayNumber(e.last_day)), y1: cy, y2: cy,
                                  stroke: "#b9c3d1", "stroke-width": 3 }));
    }
    const shape = m === "hypothetical"
      ? svg("rect", { x: x(mid) - 5, y: cy - 5, width: 10, height: 10, transform: `rotate(45 ${x(mid)} ${cy})`, class: "mark " + m })
      : svg("circle", { cx: x(mid), cy, r: 5.5, class: "mark " + m });
    shape.appendChild(svg("title", {}, label));
    a.appendChild(shape);
    if (m === "negated") a.appendChild(svg("line", { x1: x(mid) - 6, x2: x(mid) + 6, y1: cy + 6, y2: cy - 6, stroke: "#8a8f99", "stroke-width": 2 }));
    root.appendChild(a);
    marks.push(a);
  });
  // roving focus: one mark in the Tab order, arrows move along the events (date order)
  root.addEventListener("keydown", ev => {
    const at = marks.indexOf(document.activeElement);
    if (at < 0) return;
    let to = at;
    if (ev.key === "ArrowRight" || ev.key === "ArrowDown") to = Math.min(marks.length - 1, at + 1);
    else if (ev.key === "ArrowLeft" || ev.key === "ArrowUp") to = Math.max(0, at - 1);
    else if (ev.key === "Home") to = 0;
    else if (ev.key === "End") to = marks.length - 1;
    else return;
    ev.preventDefault();
    marks[at].setAttribute("tabindex", -1);
    marks[to].setAttribute("tabindex", 0);
    marks[to].focus();
  });
  return root;
}

function eventList(events, id, dyad) {
  const list = el("ol", { class: "events", id });
  if (!events.length) list.appendChild(el("li", { class: "empty" }, t("timeline.empty")));
  for (const e of events) {
    const m = e.event.modality;
    const dir = dyad ? el("span", { class: "direction" },
      e.role === "a->b" ? `${dyad.a} → ${dyad.b}` : `${dyad.b} → ${dyad.a}`) : null;
    list.appendChild(el("li", { class: "event " + m, "data-doc": e.doc_id, "data-event": e.event.id },
      el("div", { class: "head" },
        el("span", { class: "edate", title: `${e.first_day} – ${e.last_day}` }, eventDate(e)),
        el("span", { class: "etype" }, e.event.type + (e.event.mode ? " · " + e.event.mode : "")),
        el("span", { class: "badge " + m }, modality(m)),
        el("span", {}, `${entityLabel(e.source)} → ${entityLabel(e.target)}`),
        e.location ? el("span", { class: "muted" }, t("at", refName(e.location))) : null,
        e.reported_by ? el("span", { class: "muted" }, t("according", refName(e.reported_by))) : null, dir),
      el("p", { class: "sentence" }, "“" + e.sentence + "”"),
      el("div", {}, link(docHref(e.doc_id, e.event.id), t("evidence")), " ",
         el("span", { class: "muted" }, `${e.doc_title || e.doc_id} · ${e.doc_date}${e.medium ? " · " + e.medium : ""}`))));
  }
  return list;
}

// ------------------------------------------------------------------ stories

// A merged event's side (source or target) by name, Dutch where the KB has it: a KB
// entry by its id, a country as such (its actor code is its ISO code) by that code.
function sideName(side) {
  if (!side) return "?";
  const id = side.kb_id || (side.code && side.code === side.country ? side.code : null);
  return nameFor(id, side.name);
}

function plural(n, one, many) { return t(n === 1 ? one : many, n); }

async function renderStories(view, period, actor) {
  const [stories, who] = await Promise.all([
    api("/api/stories", { actor, from: period.from, to: period.to, limit: 200 }),
    actor ? api("/api/actor", { actor }) : null]);
  clear(view);
  view.appendChild(el("h1", { id: "stories-title", tabindex: "-1" },
                      who ? t("stories.title.actor", matchTitle(who)) : t("stories.title")));
  view.appendChild(el("p", { class: "muted" }, t("stories.intro")));
  if (!stories.length) {
    view.appendChild(el("p", { class: "empty", id: "stories-empty" }, t("stories.empty")));
    return;
  }
  const table = el("table", { class: "list", id: "story-list" },
    el("caption", { class: "visually-hidden" }, t("stories.title")),
    el("tr", {}, el("th", { scope: "col" }, t("col.story")), el("th", { scope: "col" }, t("col.period")),
       el("th", { scope: "col" }, t("col.events")), el("th", { scope: "col" }, t("col.articles")),
       el("th", { scope: "col" }, t("col.reports"))));
  for (const s of stories) {
    table.appendChild(el("tr", { "data-story": s.id },
      el("td", {}, link("#/story/" + encodeURIComponent(s.id), s.label)),
      el("td", { class: "edate" }, s.first_day === s.last_day ? s.first_day : `${s.first_day} – ${s.last_day}`),
      el("td", {}, s.events), el("td", {}, s.documents), el("td", {}, s.reports)));
  }
  view.appendChild(table);
}

async function renderStory(view, storyId) {
  const detail = await api("/api/stories/" + encodeURIComponent(storyId));
  clear(view);
  const s = detail.story;
  view.appendChild(el("p", { class: "small" }, link("#/stories", "← " + t("stories.back"))));
  // the heading takes focus, so a keyboard or screen-reader user starts at the story
  const title = el("h1", { id: "story-title", tabindex: "-1" }, storyTitle(detail));
  view.appendChild(title);
  view.appendChild(el("p", { class: "muted" },
    t("story.summary", s.first_day, s.last_day, s.events, s.documents, s.reports)));
  const list = el("ol", { class: "merged-events", id: "story-events" });
  for (const m of detail.events) list.appendChild(mergedEvent(m));
  view.appendChild(list);
  title.focus({ preventScroll: true });
}

// The story's label in the chosen language: its two most reported actors (ranked as the
// server ranks them for its label, by reports, then English name) and its trigger words.
function storyTitle(detail) {
  const count = new Map();
  for (const m of detail.events) {
    for (const side of [m.source, m.target]) {
      if (!side) continue;
      const seen = count.get(side.name) || { side, n: 0 };
      seen.n += m.reports;
      count.set(side.name, seen);
    }
  }
  const ranked = [...count.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (!ranked.length) return detail.story.label;
  const who = ranked.slice(0, 2).map(([, v]) => sideName(v.side)).join(" – ");
  return detail.story.terms.length ? `${who}: ${detail.story.terms.join(", ")}` : who;
}

// One merged event: what, who, when; its status arc across the reports; every report's
// sentence (trigger marked) with a link to that report's evidence in its article.
function mergedEvent(m) {
  const last = m.status.length ? m.status[m.status.length - 1].modality : "asserted";
  const when = m.date || (m.first_day === m.last_day ? m.first_day : `${m.first_day} – ${m.last_day}`);
  const item = el("li", { class: "merged card " + last, "data-merged": m.id },
    el("div", { class: "head" },
      el("span", { class: "edate" }, when),
      el("span", { class: "etype" }, m.type + (m.mode ? " · " + m.mode : "")),
      el("span", {}, `${sideName(m.source)} → ${sideName(m.target)}`),
      m.location ? el("span", { class: "muted" }, t("at", m.location)) : null),
    statusArc(m.status),
    m.dates.length > 1 ? el("p", { class: "muted small dates-disagree" },
      t("story.dates", m.dates.map(d => `${d.value} (${d.reports})`).join(", "))) : null,
    el("p", { class: "muted small outlets" }, outletsLine(m)));
  const reports = el("ol", { class: "reports", "aria-label": t("story.reports") });
  for (const r of m.mentions) reports.appendChild(reportItem(r));
  item.appendChild(reports);
  return item;
}

// Who reported it and when; articles without a named outlet are counted apart (the
// merging keeps "?" for them).
function outletsLine(m) {
  const named = m.outlets.filter(o => o && o !== "?");
  if (!named.length) return t("story.outlets.none", m.first_reported, m.last_reported);
  return t("story.outlets", named.join(", "), m.first_reported, m.last_reported) +
         (named.length < m.outlets.length ? " " + t("story.outlets.unnamed") : "");
}

// The arc in report order: "planned (from 2018-05-10, 2 reports) → negated → asserted".
function statusArc(steps) {
  const arc = el("p", { class: "arc", "aria-label": t("story.arc") });
  steps.forEach((step, i) => {
    if (i) arc.appendChild(el("span", { class: "arrow", "aria-hidden": "true" }, " → "));
    arc.appendChild(el("span", { class: "arc-step badge " + step.modality, "data-modality": step.modality },
      modality(step.modality) + " " + t("story.step", step.start, plural(step.reports, "n.report", "n.reports"))));
  });
  return arc;
}

function reportItem(r) {
  // offsets are the document's; the sentence's text starts at sentence.start (code points)
  const chars = Array.from(r.sentence_text);
  const a = Math.max(0, Math.min(chars.length, r.trigger.start - r.sentence.start));
  const b = Math.max(a, Math.min(chars.length, r.trigger.end - r.sentence.start));
  const sentence = el("q", { class: "sentence" }, chars.slice(0, a).join(""),
    el("span", { class: "trigger" }, chars.slice(a, b).join("")), chars.slice(b).join(""));
  return el("li", { class: "report " + r.modality, "data-doc": r.document, "data-event": r.event },
    el("div", { class: "head" },
      el("span", { class: "edate" }, r.doc_date),
      el("span", { class: "badge " + r.modality }, modality(r.modality)),
      el("span", { class: "muted" }, (r.medium ? r.medium + " · " : "") + (r.title || r.document))),
    sentence, " ",
    link(docHref(r.document, r.event), t("evidence")));
}

// ------------------------------------------------------------------ network

// The network's box: a type filter above a cytoscape canvas. The period comes from the
// header's from/to fields, like every view's.
function networkBox() {
  const select = el("select", { id: "network-type", "aria-label": t("network.type") },
    el("option", { value: "" }, t("network.alltypes")),
    ...Object.keys(PLOVER_TONE).map(k => el("option", { value: k }, k)));
  return el("div", { class: "card network-card" },
    el("label", { class: "filter" }, t("network.type") + " ", select),
    el("div", { id: "network" }));
}

function nodeName(n) { return nameFor(n.kb_id, n.label); }

// Edge colour by PLOVER tone: the share of conflict events, green (all cooperation) to red.
function toneColour(types) {
  let coop = 0, conf = 0;
  for (const tc of types) { if (PLOVER_TONE[tc.name] === "conflict") conf += tc.count; else coop += tc.count; }
  const share = conf / Math.max(1, coop + conf);
  return share > 0.5 ? "#c0392b" : share > 0 ? "#d68910" : "#1e8449";
}

async function drawNetwork(container, params, period) {
  const select = document.getElementById("network-type");
  const draw = async () => {
    const type = select ? select.value : "";
    const net = await api("/api/network", { ...params, type, limit: 120 });
    if (UI.cy) { UI.cy.destroy(); UI.cy = null; }
    clear(container);
    container.removeAttribute("data-nodes");
    if (!net.edges.length) { container.appendChild(el("p", { class: "empty" }, t("network.empty"))); return; }
    // the 40 busiest actors and the links between them; an actor left without a link to
    // another (its only events with itself or with actors not shown) is left out too
    const top = new Set(net.nodes.slice(0, 40).map(n => n.key));
    const edges = net.edges.filter(e => top.has(e.source) && top.has(e.target) && e.source !== e.target);
    const linked = new Set(edges.flatMap(e => [e.source, e.target]));
    const nodes = net.nodes.filter(n => linked.has(n.key));
    if (!nodes.length) { container.appendChild(el("p", { class: "empty" }, t("network.empty"))); return; }
    const maxW = Math.max(...edges.map(e => e.weight)), maxN = Math.max(...nodes.map(n => n.events));
    const canvas = el("div", { id: "network-canvas", role: "img",
      "aria-label": t("network") + ": " + nodes.map(nodeName).join(", ") });
    container.appendChild(canvas);
    container.appendChild(el("p", { class: "muted small" }, t("network.legend")));
    if (net.truncated) container.appendChild(el("p", { class: "muted small" }, t("network.truncated")));
    // A screen reader (and a keyboard) gets the same actors as links.
    const list = el("ul", { class: "visually-hidden", id: "network-list" });
    for (const n of nodes) list.appendChild(el("li", {}, link(actorHref(n.key.startsWith("kb:") ? n.key : "name:" + n.label, period), nodeName(n))));
    container.appendChild(list);
    const cy = cytoscape({
      container: canvas,
      elements: [
        ...nodes.map(n => ({ data: { id: n.key, label: nodeName(n), size: 14 + 26 * Math.sqrt(n.events / maxN),
                                     ref: n.key.startsWith("kb:") ? n.key : "name:" + n.label } })),
        ...edges.map((e, i) => ({ data: {
          id: "e" + i, source: e.source, target: e.target, weight: e.weight,
          width: 1.5 + 7 * e.weight / maxW, colour: toneColour(e.types),
          title: `${e.weight}: ` + e.types.map(tc => `${tc.name} ${tc.count}`).join(", ") } })),
      ],
      style: [
        { selector: "node", style: { "background-color": "#e9f0fa", "border-color": "#1f5fa8", "border-width": 1.5,
          width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 12, color: "#1d2330",
          "text-valign": "bottom", "text-margin-y": 3, "text-background-color": "#ffffff",
          "text-background-opacity": 0.85, "text-background-padding": 1 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.75 } },
      ],
      // Force-directed layout that counts each node's label as part of its size, so
      // names do not run into each other; seeded for the same picture every time.
      layout: { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
                // laid out in the box's own size, so that it is shown at about 1:1 and the
                // labels keep their size (a larger graph still zooms out to fit)
                boundingBox: { x1: 0, y1: 0, w: Math.max(300, canvas.clientWidth - 40),
                               h: Math.max(240, canvas.clientHeight - 40) }, componentSpacing: 60,
                nodeRepulsion: () => 12000, idealEdgeLength: () => 60, gravity: 0.4, numIter: 2500, padding: 20 },
      minZoom: 0.2, maxZoom: 4,
    });
    cy.on("tap", "node", ev => { window.location.hash = actorHref(ev.target.data("ref"), period); });
    UI.cy = cy;
    container.dataset.nodes = String(nodes.length);
  };
  if (select) select.onchange = () => draw().catch(err => showError(err, []));
  await draw();
}

// ------------------------------------------------------------------ map

async function worldOutlines() {
  if (!UI.world) {
    const topo = await fetch("/static/vendor/world-atlas/countries-110m.json").then(r => r.json());
    UI.world = topojson.feature(topo, topo.objects.countries);
  }
  return UI.world;
}

// Natural Earth's country outlines (world-atlas), drawn with d3-geo; the view fits the
// places shown. Circles are sized by the events located there; a click lists them.
async function drawMap(container, params, period) {
  const [places, world] = await Promise.all([api("/api/places", { ...params, limit: 150 }), worldOutlines()]);
  clear(container);
  if (!places.length) { container.appendChild(el("p", { class: "empty" }, t("map.none"))); return; }
  const known = places.filter(p => p.lat !== null && p.lon !== null);
  const unknown = places.filter(p => p.lat === null || p.lon === null);
  const W = 720, H = 400;
  const projection = d3.geoNaturalEarth1();
  if (known.length) {
    // fit the box around the places (with a margin): its edges, point by point, since
    // a curved projection's widest part is not at a corner
    const lons = known.map(p => p.lon), lats = known.map(p => p.lat);
    const pad = 6;
    const w = Math.max(-180, Math.min(...lons) - 2 * pad), e = Math.min(180, Math.max(...lons) + 2 * pad);
    const s = Math.max(-85, Math.min(...lats) - pad), n = Math.min(85, Math.max(...lats) + pad);
    const edge = [];
    for (let k = 0; k <= 10; k++) {
      const lon = w + (e - w) * k / 10, lat = s + (n - s) * k / 10;
      edge.push([lon, s], [lon, n], [w, lat], [e, lat]);
    }
    projection.fitExtent([[10, 10], [W - 10, H - 10]], { type: "MultiPoint", coordinates: edge });
  } else {
    projection.fitSize([W, H], { type: "Sphere" });
  }
  const path = d3.geoPath(projection);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, id: "map-svg", role: "group", "aria-label": t("map") });
  root.appendChild(svg("path", { d: path({ type: "Sphere" }), class: "map-bg" }));
  root.appendChild(svg("path", { d: path(d3.geoGraticule10()), class: "graticule" }));
  const countries = svg("g", { class: "countries" });
  for (const f of world.features) {
    const d = path(f);
    if (d) countries.appendChild(svg("path", { d, class: "country" }, svg("title", {}, f.properties.name)));
  }
  root.appendChild(countries);
  const weight = p => p.events;
  const maxE = Math.max(1, ...known.map(weight));
  const shown = known.slice().sort((a, b) => b.events - a.events || b.documents - a.documents);
  const labels = [];
  shown.forEach((p, i) => {
    const xy = projection([p.lon, p.lat]);
    if (!xy) return;
    const r = p.events ? 4 + 12 * Math.sqrt(p.events / maxE) : 3;
    const name = nameFor(p.kb_id, p.name);
    const g = svg("a", { class: "place" + (p.events ? "" : " named") + (p.precision === "country" ? " approx" : ""),
                         "data-name": p.name, href: "#", role: "button",
                         "aria-label": `${name}: ${p.events} ${t("col.events")}, ${p.documents} ${t("col.articles")}` },
      svg("circle", { cx: xy[0], cy: xy[1], r },
          svg("title", {}, `${name}: ${p.events} ${t("col.events")}, ${p.documents} ${t("col.articles")}` +
                          (p.precision === "country" ? " " + t("map.approx") : ""))));
    // labels for the places with most events, skipped where they would overlap another
    if (i < 25) {
      const width = 7 * name.length;
      const left = xy[0] + r + 2 + width > W;  // near the right edge: the label goes left of the point
      const box = { x: left ? xy[0] - r - 2 - width : xy[0] + r + 2, y: xy[1] - 8, w: width, h: 14 };
      if (!labels.some(o => box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h)) {
        labels.push(box);
        g.appendChild(svg("text", { x: box.x, y: xy[1] + 4 }, name));
      }
    }
    g.addEventListener("click", ev => { ev.preventDefault(); placeEvents(container, p, params, period); });
    root.appendChild(g);
  });
  container.appendChild(root);
  container.appendChild(el("p", { class: "muted small" }, t("map.legend")));
  if (unknown.length) {
    container.appendChild(el("p", { class: "muted small", id: "map-unplaced" },
      t("map.unplaced", unknown.slice(0, 15).map(p => nameFor(p.kb_id, p.name)).join(", ") + (unknown.length > 15 ? ", …" : ""))));
  }
  container.appendChild(el("div", { id: "place-events" }));
}

async function placeEvents(container, p, params, period) {
  const box = document.getElementById("place-events");
  clear(box);
  const name = nameFor(p.kb_id, p.name);
  box.appendChild(el("h3", { id: "place-title", tabindex: -1 }, t("map.events", name)));
  if (!p.events) {
    box.appendChild(el("p", { class: "empty" }, t("map.noevents", name, p.documents)));
  } else {
    const place = p.kb_id ? "kb:" + p.kb_id : "name:" + p.name;
    const page = await api("/api/events", { place, from: period.from, to: period.to, limit: 50 });
    let events = page.events;
    if (params.actor) {
      // the map of an actor shows its events: keep the ones it takes part in
      const tl = await api("/api/timeline", { actor: params.actor, from: period.from, to: period.to });
      const mine = new Set(tl.events.map(e => e.doc_id + "#" + e.event.id));
      events = events.filter(e => mine.has(e.doc_id + "#" + e.event.id));
    }
    box.appendChild(eventList(events, "place-event-list"));
  }
  document.getElementById("place-title").focus();
}

// ------------------------------------------------------------------ search box and suggestions

function setupSuggestions() {
  const input = document.getElementById("actor-input");
  const list = document.getElementById("suggestions");
  let chosen = -1, items = [], seq = 0;
  function close() { list.hidden = true; clear(list); chosen = -1; items = []; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); }
  function highlight() {
    Array.from(list.children).forEach((li, k) => li.setAttribute("aria-selected", k === chosen ? "true" : "false"));
    if (chosen >= 0) input.setAttribute("aria-activedescendant", "suggestion-" + chosen);
  }
  function pick(a) { input.value = a.ref; close(); go(); }
  input.addEventListener("input", async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (q.length < 2) { close(); return; }
    let found;
    try { found = await api("/api/actors", { q, limit: 10 }); } catch (err) { close(); return; }
    if (mine !== seq) return;  // a later keystroke has its own answer coming
    clear(list);
    items = found;
    chosen = -1;
    found.forEach((a, k) => {
      const li = el("li", { role: "option", id: "suggestion-" + k, "data-ref": a.ref, "aria-selected": "false" },
        actorName(a), el("span", { class: "suggest-kind" },
          `${a.kind === "country" ? t("kind.country") : a.type || ""}${a.country && a.kind !== "country" ? " · " + a.country : ""}` +
          ` · ${a.events} ${t("col.events")} · ${a.documents} ${t("col.articles")}`));
      li.addEventListener("mousedown", ev => { ev.preventDefault(); pick(a); });
      list.appendChild(li);
    });
    list.hidden = !found.length;
    input.setAttribute("aria-expanded", found.length ? "true" : "false");
  });
  input.addEventListener("keydown", ev => {
    if (list.hidden) return;
    if (ev.key === "ArrowDown") { chosen = Math.min(items.length - 1, chosen + 1); highlight(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { chosen = Math.max(0, chosen - 1); highlight(); ev.preventDefault(); }
    else if (ev.key === "Enter" && chosen >= 0) { ev.preventDefault(); pick(items[chosen]); }
    else if (ev.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}

function go() {
  const actor = document.getElementById("actor-input").value.trim();
  const other = document.getElementById("dyad-input").value.trim();
  const period = { from: document.getElementById("from-input").value.trim(), to: document.getElementById("to-input").value.trim() };
  if (actor && other) window.location.hash = "#/dyad/" + encodeURIComponent(actor) + "/" + encodeURIComponent(other) + periodQuery(period);
  else if (actor) window.location.hash = actorHref(actor, period);
  else window.location.hash = "#/" + periodQuery(period);
}

document.addEventListener("DOMContentLoaded", async () => {
  const saved = window.localStorage.getItem("kroniek.lang");
  UI.lang = saved === "en" || saved === "nl" ? saved : "nl";  // Dutch first: the articles are Dutch
  applyLanguage();
  setupSuggestions();
  document.getElementById("lang-select").addEventListener("change", ev => {
    UI.lang = ev.target.value;
    window.localStorage.setItem("kroniek.lang", UI.lang);
    applyLanguage();
    render();
  });
  document.getElementById("actor-form").addEventListener("submit", ev => { ev.preventDefault(); go(); });
  document.getElementById("text-form").addEventListener("submit", ev => {
    ev.preventDefault();
    const q = document.getElementById("text-input").value.trim();
    if (q) window.location.hash = "#/search/" + encodeURIComponent(q);
  });
  window.addEventListener("hashchange", render);
  try { UI.dutch = await api("/api/names"); } catch (err) { UI.dutch = {}; }
  render();
});
