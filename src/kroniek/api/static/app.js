// kroniek web UI. Plain JavaScript, no libraries, nothing loaded from elsewhere.
//
// Every text that comes from an article (titles, names, sentences, the article body) is
// put on the page with createTextNode/textContent, never as HTML: an article holding
// "<script>" shows those characters. Routes live in the URL's hash:
//   #/                      overview: top actors, network, map
//   #/actor/REF?from=&to=   an actor's timeline, network and map
//   #/dyad/A/B?from=&to=    events between two actors, both directions
//   #/search/TEXT           full-text search over articles
//   #/doc/ID[/EVENT]        an article with its annotations highlighted
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const MODALITY_LABEL = { asserted: "happened", planned: "planned", hypothetical: "hypothetical", negated: "negated" };

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
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  const response = await fetch(url);
  const body = await response.json();
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
  return ref.name + code;
}

function eventDate(e) {
  if (e.event.date && e.dated_by === "event") return e.event.date;
  return "~" + e.doc_date;  // undated event: its article's date stands in
}

// An entity's name by id; "?" when the id is empty or unknown to this document.
function nameOf(names, id) {
  return (id && names[id]) ? names[id].name : "?";
}

// ------------------------------------------------------------------ routing

function currentRoute() {
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  // A hand-edited address may hold a stray "%": keep such a part as typed.
  const decode = (part) => { try { return decodeURIComponent(part); } catch { return part; } };
  const parts = path.split("/").filter(Boolean).map(decode);
  const params = new URLSearchParams(query || "");
  return { parts, period: { from: params.get("from") || "", to: params.get("to") || "" } };
}

async function render() {
  const { parts, period } = currentRoute();
  const view = document.getElementById("view");
  status("");
  document.getElementById("from-input").value = period.from;
  document.getElementById("to-input").value = period.to;
  try {
    if (parts[0] === "actor" && parts[1]) await renderActor(view, parts[1], period);
    else if (parts[0] === "dyad" && parts[1] && parts[2]) await renderDyad(view, parts[1], parts[2], period);
    else if (parts[0] === "search" && parts[1]) await renderSearch(view, parts[1], period);
    else if (parts[0] === "doc" && parts[1]) await renderDocument(view, parts[1], parts[2] || null);
    else await renderHome(view, period);
  } catch (err) {
    clear(view);
    status(err.message + (err.code ? " [" + err.code + "]" : ""));
  }
}

// ------------------------------------------------------------------ views

async function renderHome(view, period) {
  const [summary, top] = await Promise.all([api("/api/summary"), api("/api/actors", { limit: 15 })]);
  clear(view);
  view.appendChild(el("h1", {}, "The chronicle"));
  view.appendChild(el("p", { class: "muted" },
    `${summary.documents} articles, ${summary.events} events, ${summary.entities} entities, ` +
    `${summary.quotes} quotes` + (summary.first_day ? `, ${summary.first_day} to ${summary.last_day}` : "") + "."));
  const list = el("table", { class: "list", id: "top-actors" },
    el("tr", {}, el("th", {}, "actor"), el("th", {}, "type"), el("th", {}, "country"),
       el("th", {}, "articles"), el("th", {}, "events")));
  for (const a of top) {
    list.appendChild(el("tr", {}, el("td", {}, link(actorHref(a.ref, period), a.name)),
      el("td", {}, a.type || "country"), el("td", {}, a.country || ""), el("td", {}, a.documents),
      el("td", {}, a.events)));
  }
  const grid = el("div", { class: "grid" },
    el("div", {}, el("h2", {}, "Most active actors"), list),
    el("div", {}, el("h2", {}, "Actor network"), el("div", { id: "network", class: "card" }),
       el("h2", {}, "Map"), el("div", { id: "map", class: "card" })));
  view.appendChild(grid);
  await Promise.all([drawNetwork(document.getElementById("network"), { from: period.from, to: period.to }, period),
                     drawMap(document.getElementById("map"), { from: period.from, to: period.to })]);
}

async function renderActor(view, actor, period) {
  const timeline = await api("/api/timeline", { actor, from: period.from, to: period.to });
  clear(view);
  document.getElementById("actor-input").value = timeline.actor.query;
  const m = timeline.actor;
  view.appendChild(el("h1", { id: "timeline-title" }, m.label));
  view.appendChild(el("p", { class: "muted" },
    `${m.kind === "kb" ? "KB id" : m.kind === "country" ? "country" : "name"} ${m.value}: ` +
    `${m.entities} entities in ${m.documents} articles; ${timeline.events.length} events` +
    (timeline.truncated ? " (more left out: narrow the period)" : "") + "."));
  const left = el("div", {}, el("h2", {}, "Timeline"), legend(),
                  drawTimeline(timeline.events), eventList(timeline.events, "timeline-events"));
  const right = el("div", {}, el("h2", {}, "Actor network in this period"),
                   el("div", { id: "network", class: "card" }),
                   el("h2", {}, "Map"), el("div", { id: "map", class: "card" }));
  view.appendChild(el("div", { class: "grid" }, left, right));
  await Promise.all([
    drawNetwork(document.getElementById("network"), { actor, from: period.from, to: period.to }, period),
    drawMap(document.getElementById("map"), { actor, from: period.from, to: period.to }),
  ]);
}

async function renderDyad(view, a, b, period) {
  const dyad = await api("/api/dyad", { a, b, from: period.from, to: period.to });
  clear(view);
  view.appendChild(el("h1", { id: "timeline-title" }, `${dyad.a.label} ⇄ ${dyad.b.label}`));
  const ab = dyad.events.filter(e => e.role === "a->b").length;
  view.appendChild(el("p", { class: "muted" },
    `${dyad.a.label} → ${dyad.b.label}: ${ab} events; ${dyad.b.label} → ${dyad.a.label}: ` +
    `${dyad.events.length - ab} events.`));
  view.appendChild(legend());
  view.appendChild(drawTimeline(dyad.events));
  view.appendChild(eventList(dyad.events, "timeline-events", dyad));
}

async function renderSearch(view, text, period) {
  const hits = await api("/api/search", { q: text, from: period.from, to: period.to });
  clear(view);
  document.getElementById("text-input").value = text;
  view.appendChild(el("h1", {}, `Articles with “${text}”`));
  if (!hits.length) view.appendChild(el("p", { class: "muted" }, "No article matches."));
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
  const url = /^https?:\/\//i.test(doc.url || "") ? el("a", { href: doc.url, rel: "noopener noreferrer" }, "source") : null;
  view.appendChild(el("p", { class: "muted" }, `${doc.date} · ${doc.id}`, doc.source ? ` · ${doc.source}` : "",
                      url ? " · " : "", url));
  view.appendChild(el("p", { class: "keys" },
    el("span", { class: "ent ent-PER" }, "person"), el("span", { class: "ent ent-ORG" }, "organisation"),
    el("span", { class: "ent ent-LOC" }, "place"), el("span", { class: "ent ent-GPE" }, "country/state"),
    el("span", { class: "time" }, "time"), el("span", { class: "trigger" }, "event"),
    el("span", { class: "quote" }, "quote")));
  const text = el("div", { id: "article-text", class: "article-text card" }, ...highlighted(doc, selected));
  const side = el("div", {});
  if (selected) side.appendChild(eventCard(doc, selected, names));
  side.appendChild(el("h2", {}, "Events"));
  const evs = el("table", { class: "list", id: "doc-events" });
  for (const v of doc.events) {
    evs.appendChild(el("tr", { class: v.id === eventId ? "selected-row" : null },
      el("td", {}, link(docHref(doc.id, v.id), v.type)),
      el("td", {}, el("span", { class: "badge " + v.modality }, MODALITY_LABEL[v.modality])),
      el("td", {}, `${nameOf(names, v.source)} → ${nameOf(names, v.target)}`),
      el("td", {}, v.date || "")));
  }
  side.appendChild(doc.events.length ? evs : el("p", { class: "muted" }, "No events found in this article."));
  side.appendChild(el("h2", {}, "Entities"));
  const ents = el("table", { class: "list" });
  for (const e of doc.entities) {
    const a = e.actor || {};
    ents.appendChild(el("tr", {}, el("td", {}, link(actorHref(a.kb_id ? "kb:" + a.kb_id : "name:" + e.name), e.name)),
      el("td", {}, e.type), el("td", {}, a.code || ""), el("td", {}, String(e.mentions.length) + "×")));
  }
  side.appendChild(ents);
  if (doc.quotes.length) {
    side.appendChild(el("h2", {}, "Quotes"));
    for (const q of doc.quotes) {
      side.appendChild(el("p", {}, el("b", {}, nameOf(names, q.speaker)), ` (${q.kind}): “${q.text}”`));
    }
  }
  view.appendChild(el("div", { class: "grid" }, text, side));
  const mark = document.getElementById("selected-sentence");
  if (mark) mark.scrollIntoView({ block: "center" });
}

function eventCard(doc, v, names) {
  const name = id => (id && names[id] ? names[id].name : "?");
  return el("div", { class: "card event " + v.modality, id: "selected-event" },
    el("div", { class: "head" }, el("span", { class: "etype" }, v.type),
       el("span", { class: "badge " + v.modality }, MODALITY_LABEL[v.modality]),
       v.mode ? el("span", { class: "muted" }, v.mode) : null),
    el("div", {}, `${name(v.source)} → ${name(v.target)}`),
    v.location ? el("div", { class: "muted" }, "at " + name(v.location)) : null,
    el("div", { class: "muted" }, "date: " + (v.date || "not given (article: " + doc.date + ")")),
    v.reported_by ? el("div", { class: "muted" }, "reported by " + name(v.reported_by)) : null,
    el("div", { class: "muted" }, `confidence ${v.confidence}`));
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
    el("span", { class: "badge asserted" }, "happened"), el("span", { class: "badge negated" }, "negated (did not happen)"),
    el("span", { class: "badge planned" }, "planned"), el("span", { class: "badge hypothetical" }, "hypothetical"));
}

function dayNumber(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000; }

// Two lanes on one time axis: what happened (asserted, and negated marked apart) above,
// what is planned or hypothetical below, so the two are never confused.
function drawTimeline(events) {
  const width = 720, height = 150, left = 150, right = 30;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, id: "timeline-svg", role: "img",
                            "aria-label": "timeline" });
  if (!events.length) {
    root.appendChild(svg("text", { x: 10, y: 30, class: "lane-label" }, "No events in this period."));
    return root;
  }
  const days = events.flatMap(e => [dayNumber(e.first_day), dayNumber(e.last_day)]);
  let lo = Math.min(...days), hi = Math.max(...days);
  if (hi - lo < 1) { lo -= 15; hi += 15; }
  const x = d => left + (d - lo) / (hi - lo) * (width - left - right);
  const lanes = { happened: 45, intended: 100 };
  root.appendChild(svg("text", { x: 4, y: lanes.happened + 4, class: "lane-label" }, "happened"));
  root.appendChild(svg("text", { x: 4, y: lanes.intended + 4, class: "lane-label" }, "planned / hypothetical"));
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
  for (const e of events) {
    const m = e.event.modality;
    const lane = (m === "planned" || m === "hypothetical") ? "intended" : "happened";
    const mid = (dayNumber(e.first_day) + dayNumber(e.last_day)) / 2;
    const key = lane + Math.round(x(mid) / 8);
    const n = stack[key] = (stack[key] || 0) + 1;
    const cy = lanes[lane] + ((n - 1) % 3) * 9 - 9;
    const a = svg("a", { href: docHref(e.doc_id, e.event.id), class: "timeline-mark" });
    if (dayNumber(e.last_day) > dayNumber(e.first_day)) {  // a month or a year: a bar for its span
      a.appendChild(svg("line", { x1: x(dayNumber(e.first_day)), x2: x(dayNumber(e.last_day)), y1: cy, y2: cy,
                                  stroke: "#b9c3d1", "stroke-width": 3 }));
    }
    const shape = m === "hypothetical"
      ? svg("rect", { x: x(mid) - 5, y: cy - 5, width: 10, height: 10, transform: `rotate(45 ${x(mid)} ${cy})`, class: "mark " + m })
      : svg("circle", { cx: x(mid), cy, r: 5.5, class: "mark " + m });
    shape.appendChild(svg("title", {}, `${eventDate(e)} ${e.event.type} (${MODALITY_LABEL[m]}): ` +
                                     `${entityLabel(e.source)} → ${entityLabel(e.target)}`));
    a.appendChild(shape);
    if (m === "negated") a.appendChild(svg("line", { x1: x(mid) - 6, x2: x(mid) + 6, y1: cy + 6, y2: cy - 6, stroke: "#8a8f99", "stroke-width": 2 }));
    root.appendChild(a);
  }
  return root;
}

function eventList(events, id, dyad) {
  const list = el("ol", { class: "events", id });
  for (const e of events) {
    const m = e.event.modality;
    const dir = dyad ? el("span", { class: "direction" },
      e.role === "a->b" ? `${dyad.a.label} → ${dyad.b.label}` : `${dyad.b.label} → ${dyad.a.label}`) : null;
    list.appendChild(el("li", { class: "event " + m, "data-doc": e.doc_id, "data-event": e.event.id },
      el("div", { class: "head" },
        el("span", { class: "edate", title: `${e.first_day} – ${e.last_day}` }, eventDate(e)),
        el("span", { class: "etype" }, e.event.type + (e.event.mode ? " · " + e.event.mode : "")),
        el("span", { class: "badge " + m }, MODALITY_LABEL[m]),
        el("span", {}, `${entityLabel(e.source)} → ${entityLabel(e.target)}`),
        e.location ? el("span", { class: "muted" }, "at " + e.location.name) : null,
        e.reported_by ? el("span", { class: "muted" }, "according to " + e.reported_by.name) : null, dir),
      el("p", { class: "sentence" }, "“" + e.sentence + "”"),
      el("div", {}, link(docHref(e.doc_id, e.event.id), "evidence in the article"), " ",
         el("span", { class: "muted" }, `${e.doc_title || e.doc_id} · ${e.doc_date}${e.medium ? " · " + e.medium : ""}`))));
  }
  return list;
}

// ------------------------------------------------------------------ network

async function drawNetwork(container, params, period) {
  const net = await api("/api/network", { ...params, limit: 120 });
  clear(container);
  if (!net.edges.length) { container.appendChild(el("p", { class: "muted" }, "No events between two actors in this period.")); return; }
  const nodes = net.nodes.slice(0, 40);
  const keep = new Set(nodes.map(n => n.key));
  const edges = net.edges.filter(e => keep.has(e.source) && keep.has(e.target));
  const W = 460, H = 340;
  // A small force layout, run a fixed number of steps so the picture is the same each time.
  const pos = new Map(nodes.map((n, i) => [n.key, {
    x: W / 2 + Math.cos(i * 2.4) * (40 + i * 5), y: H / 2 + Math.sin(i * 2.4) * (40 + i * 4), vx: 0, vy: 0 }]));
  for (let step = 0; step < 250; step++) {
    for (const a of nodes) for (const b of nodes) {
      if (a === b) continue;
      const p = pos.get(a.key), q = pos.get(b.key);
      const dx = p.x - q.x, dy = p.y - q.y, d2 = Math.max(dx * dx + dy * dy, 25);
      p.vx += dx / d2 * 300; p.vy += dy / d2 * 300;
    }
    for (const e of edges) {
      const p = pos.get(e.source), q = pos.get(e.target);
      const dx = q.x - p.x, dy = q.y - p.y;
      p.vx += dx * 0.01; p.vy += dy * 0.01; q.vx -= dx * 0.01; q.vy -= dy * 0.01;
    }
    for (const p of pos.values()) {
      p.vx += (W / 2 - p.x) * 0.005; p.vy += (H / 2 - p.y) * 0.005;
      p.x = Math.max(30, Math.min(W - 30, p.x + p.vx * 0.5)); p.y = Math.max(20, Math.min(H - 20, p.y + p.vy * 0.5));
      p.vx *= 0.6; p.vy *= 0.6;
    }
  }
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, id: "network-svg", role: "img", "aria-label": "actor network" });
  const defs = svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 16, refY: 5,
    markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#9aa6b8" })));
  root.appendChild(defs);
  const maxW = Math.max(...edges.map(e => e.weight));
  for (const e of edges) {
    const p = pos.get(e.source), q = pos.get(e.target);
    const line = svg("line", { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: "net-edge",
      "stroke-width": 1 + 4 * e.weight / maxW, "marker-end": "url(#arrow)" });
    line.appendChild(svg("title", {}, `${e.weight} events: ` + e.types.map(t => `${t.name} ${t.count}`).join(", ")));
    root.appendChild(line);
  }
  const maxN = Math.max(...nodes.map(n => n.events));
  for (const n of nodes) {
    const p = pos.get(n.key);
    const ref = n.key.startsWith("kb:") ? n.key : "name:" + n.label;
    const g = svg("a", { href: actorHref(ref, period), class: "net-node" },
      svg("circle", { cx: p.x, cy: p.y, r: 5 + 9 * n.events / maxN }, svg("title", {}, `${n.label}: ${n.events} events`)),
      // labels point inwards, so that names near the right edge stay readable
      p.x > W * 0.6 ? svg("text", { x: p.x - 8, y: p.y - 8, "text-anchor": "end" }, n.label)
                    : svg("text", { x: p.x + 8, y: p.y - 8 }, n.label));
    root.appendChild(g);
  }
  container.appendChild(root);
  if (net.truncated) container.appendChild(el("p", { class: "muted" }, "Only the heaviest links are shown."));
}

// ------------------------------------------------------------------ map

// An equirectangular world: longitude and latitude as x and y, a graticule every 30°,
// no tiles. Places with known coordinates are points; the others are listed.
async function drawMap(container, params) {
  const places = await api("/api/places", { ...params, limit: 150 });
  clear(container);
  const known = places.filter(p => p.lat !== null && p.lon !== null);
  const unknown = places.filter(p => p.lat === null || p.lon === null);
  // Show the part of the world the places are in (with a margin), not always all of it.
  let west = -180, east = 180, north = 85, south = -60;
  if (known.length) {
    west = Math.max(-180, Math.min(...known.map(p => p.lon)) - 12);
    east = Math.min(180, Math.max(...known.map(p => p.lon)) + 12);
    north = Math.min(90, Math.max(...known.map(p => p.lat)) + 8);
    south = Math.max(-90, Math.min(...known.map(p => p.lat)) - 8);
    const wide = Math.max(east - west, 2 * (north - south), 40), high = wide / 2;
    const cx = (west + east) / 2, cy = (north + south) / 2;
    west = cx - wide / 2; east = cx + wide / 2; north = cy + high / 2; south = cy - high / 2;
  }
  const W = 720, H = 360;
  const x = lon => (lon - west) / (east - west) * W, y = lat => (north - lat) / (north - south) * H;
  const step = east - west > 120 ? 30 : east - west > 50 ? 10 : 5;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, id: "map-svg", role: "img", "aria-label": "map of places" });
  root.appendChild(svg("rect", { x: 0, y: 0, width: W, height: H, class: "map-bg" }));
  for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
    root.appendChild(svg("line", { x1: x(lon), x2: x(lon), y1: 0, y2: H, class: "graticule" }));
    root.appendChild(svg("text", { x: x(lon) + 2, y: H - 3, class: "lane-label" }, `${lon}°`));
  }
  for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
    root.appendChild(svg("line", { x1: 0, x2: W, y1: y(lat), y2: y(lat), class: lat === 0 ? "graticule equator" : "graticule" }));
    root.appendChild(svg("text", { x: 2, y: y(lat) - 2, class: "lane-label" }, `${lat}°`));
  }
  const weight = p => p.events * 3 + p.documents;
  const maxC = Math.max(1, ...known.map(weight));
  known.forEach((p, i) => {
    const r = 3 + 9 * Math.sqrt(weight(p) / maxC);
    const g = svg("g", { class: "place" + (p.events ? "" : " named"), "data-name": p.name },
      svg("circle", { cx: x(p.lon), cy: y(p.lat), r },
          svg("title", {}, `${p.name}: ${p.events} events, named in ${p.documents} articles`)),
      i >= 25 ? null : x(p.lon) > W * 0.75
        ? svg("text", { x: x(p.lon) - r - 2, y: y(p.lat) + 4, "text-anchor": "end" }, p.name)
        : svg("text", { x: x(p.lon) + r + 2, y: y(p.lat) + 4 }, p.name));
    root.appendChild(g);
  });
  container.appendChild(root);
  container.appendChild(el("p", { class: "muted" },
    "Red: places where events happen; blue: places only named. ",
    unknown.length ? `Without known coordinates: ${unknown.slice(0, 15).map(p => p.name).join(", ")}` +
                     (unknown.length > 15 ? ", …" : "") + "." : ""));
}

// ------------------------------------------------------------------ search box and suggestions

function setupSuggestions() {
  const input = document.getElementById("actor-input");
  const list = document.getElementById("suggestions");
  let chosen = -1, items = [], seq = 0;
  function close() { list.hidden = true; clear(list); chosen = -1; items = []; }
  function highlight() {
    Array.from(list.children).forEach((li, k) => li.setAttribute("aria-selected", k === chosen ? "true" : "false"));
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
    for (const a of found) {
      const li = el("li", { role: "option", "data-ref": a.ref },
        a.name, el("span", { class: "suggest-kind" },
          `${a.kind === "country" ? "country" : a.type || ""}${a.country && a.kind !== "country" ? " · " + a.country : ""}` +
          ` · ${a.events} events · ${a.documents} articles`));
      li.addEventListener("mousedown", ev => { ev.preventDefault(); pick(a); });
      list.appendChild(li);
    }
    list.hidden = !found.length;
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

document.addEventListener("DOMContentLoaded", () => {
  setupSuggestions();
  document.getElementById("actor-form").addEventListener("submit", ev => { ev.preventDefault(); go(); });
  document.getElementById("text-form").addEventListener("submit", ev => {
    ev.preventDefault();
    const q = document.getElementById("text-input").value.trim();
    if (q) window.location.hash = "#/search/" + encodeURIComponent(q);
  });
  window.addEventListener("hashchange", render);
  render();
});
