// kg graph page: draws KG_NODES/KG_EDGES with vis-network and wires search, filters,
// neighbourhood view and the detail panel. Text from the documents only ever reaches the
// page through textContent, never as HTML.
(function () {
  "use strict";
  var times = { start: performance.now() };
  window.kgTimes = times;
  var LABEL_EDGE_LIMIT = 2000;
  var LABEL_SCALE_ON = 0.6;
  var LABEL_SCALE_OFF = 0.4;
  var data = KG_DATA;
  var categories = data.categories;
  var byId = {};
  var all = KG_NODES;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // The tooltip and the detail panel: name, facts (type, other names, code, roles …), then
  // the source sentences, each with its article's headline.
  function info(node, full) {
    var box = el("div", "kg-info");
    box.appendChild(el("div", "kg-name", node.kgName));
    (node.kgFacts || []).forEach(function (fact) {
      if (!full && fact[0] === "IRI") return;
      var row = el("div", "kg-fact");
      row.appendChild(el("span", "kg-key", fact[0] + "："));
      row.appendChild(el("span", "kg-value", fact[1]));
      box.appendChild(row);
    });
    var sents = node.kgSents || [];
    var shown = full ? sents : sents.slice(0, 2);
    shown.forEach(function (i) {
      var s = data.sentences[i];
      var quote = el("blockquote", "kg-sentence", full || s[0].length <= 160 ? s[0] : s[0].slice(0, 160) + "…");
      if (s[1] >= 0) quote.appendChild(el("cite", null, "——《" + data.articles[s[1]] + "》"));
      box.appendChild(quote);
    });
    if (node.kgSentTotal > shown.length) {
      box.appendChild(el("div", "kg-more", "共 " + node.kgSentTotal + " 句出处"));
    }
    if (!sents.length && (node.kgArts || []).length) {
      box.appendChild(el("div", "kg-key", "提及它的文章："));
      (full ? node.kgArts : node.kgArts.slice(0, 3)).forEach(function (a) {
        box.appendChild(el("cite", null, "《" + data.articles[a] + "》"));
      });
      if (node.kgArtTotal > node.kgArts.length) {
        box.appendChild(el("div", "kg-more", "共 " + node.kgArtTotal + " 篇"));
      }
    }
    return box;
  }

  // One tooltip element shared by all nodes, filled when vis-network shows it: an Element is
  // shown as is (no HTML parsing), and 5,000 prebuilt ones would slow the start. kg's own
  // fields (kg*) stay out of vis-network, which deep-copies every item it is given.
  var tip = el("div", "kg-tip");
  function visItem(item) {
    var out = {};
    Object.keys(item).forEach(function (key) { if (key.slice(0, 2) !== "kg") out[key] = item[key]; });
    return out;
  }
  var visNodes = all.map(function (n) {
    byId[n.id] = n;
    var v = visItem(n);
    v.title = tip;
    return v;
  });
  times.titles = performance.now();
  // Edge labels and arrows cost a second per drawing at 10,000 edges even when too small to
  // see: big graphs get them only once zoomed in.
  var allEdges = KG_EDGES;
  var showDetails = allEdges.length <= LABEL_EDGE_LIMIT;
  var visEdges = allEdges.map(function (e, i) {
    var v = visItem(e);
    v.id = i;
    delete v.arrows; // set per edge by pyvis; the global option below turns them on and off
    if (data.relationRoles.indexOf(e.kgRole) >= 0) v.color = data.relationColor;
    if (!showDetails) delete v.label;
    return v;
  });
  KG_OPTIONS.edges.arrows.to.enabled = showDetails;
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  times.datasets = performance.now();
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, KG_OPTIONS);
  times.network = performance.now();
  network.once("afterDrawing", function () {
    times.drawn = performance.now();
    window.kgReadyAt = performance.now();
    window.kgReady = true;
  });

  network.on("showPopup", function (id) {
    if (byId[id]) tip.replaceChildren(info(byId[id], false));
  });

  function updateEdgeLabels() {
    if (allEdges.length <= LABEL_EDGE_LIMIT) return;
    var scale = network.getScale();
    var want = showDetails ? scale > LABEL_SCALE_OFF : scale >= LABEL_SCALE_ON;
    if (want === showDetails) return;
    showDetails = want;
    network.setOptions({ edges: { arrows: { to: { enabled: want } } } });
    edges.update(allEdges.map(function (e, i) { return { id: i, label: want ? e.label : null }; }));
  }
  network.on("zoom", updateEdgeLabels);

  // ---- filters and neighbourhood -------------------------------------------------------
  var enabled = {};
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.filter"));
  var hidden = {};
  var focusSet = null;
  var countEl = document.getElementById("visible-count");
  var note = document.getElementById("focus-note");

  function apply() {
    boxes.forEach(function (b) { enabled[b.getAttribute("data-cat")] = b.checked; });
    var changes = [];
    var shown = 0;
    all.forEach(function (n) {
      var hide = enabled[n.kgCat] === false || (focusSet !== null && !focusSet.has(n.id));
      if (!hide) shown += 1;
      if (!!hidden[n.id] !== hide) {
        hidden[n.id] = hide;
        changes.push({ id: n.id, hidden: hide });
      }
    });
    if (changes.length) nodes.update(changes);
    countEl.textContent = String(shown);
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });

  function showNeighbourhood(id) {
    focusSet = new Set([id].concat(network.getConnectedNodes(id)));
    focusSet.forEach(function (nid) {
      var box = boxes.filter(function (b) { return b.getAttribute("data-cat") === byId[nid].kgCat; })[0];
      if (box) box.checked = true;
    });
    apply();
    note.textContent = "只显示「" + byId[id].kgName + "」及其 " + (focusSet.size - 1) + " 个邻居";
    note.hidden = false;
    network.selectNodes([id]);
    network.fit({ nodes: Array.from(focusSet), animation: false });
    updateEdgeLabels();
    showDetail(id);
  }

  function reset() {
    focusSet = null;
    boxes.forEach(function (b) { b.checked = true; });
    apply();
    note.hidden = true;
    network.unselectAll();
    network.fit({ animation: false });
    updateEdgeLabels();
  }
  document.getElementById("reset").addEventListener("click", reset);
  document.getElementById("fit").addEventListener("click", function () {
    network.fit({ animation: false });
    updateEdgeLabels();
  });

  // ---- colour by type (the legend's colours) or by Louvain community -------------------
  var colourBy = "type";
  function colour(mode) {
    colourBy = mode === "community" ? "community" : "type";
    nodes.update(all.map(function (n) {
      return { id: n.id, color: colourBy === "community" ? n.kgCommunityColor : n.color };
    }));
  }
  Array.prototype.slice.call(document.querySelectorAll("input[name=colour-by]")).forEach(function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) colour(radio.value); });
  });

  // ---- detail panel ------------------------------------------------------------------
  var detail = document.getElementById("detail");
  function showDetail(id) {
    var n = byId[id];
    detail.replaceChildren();
    detail.appendChild(info(n, true));
    var button = el("button", null, "只看邻居");
    button.type = "button";
    button.addEventListener("click", function () { showNeighbourhood(id); });
    detail.appendChild(button);
    detail.hidden = false;
  }
  network.on("click", function (params) {
    if (params.nodes.length) showDetail(params.nodes[0]);
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) showNeighbourhood(params.nodes[0]);
  });

  // ---- search by name or alias (substring, case-insensitive) ---------------------------
  var index = all.filter(function (n) { return n.kgKind === "entity"; }).map(function (n) {
    var names = [n.kgName].concat(n.kgAlt || []);
    return { id: n.id, names: names, lower: names.map(function (s) { return s.toLowerCase(); }) };
  });
  var input = document.getElementById("search");
  var results = document.getElementById("results");
  var hits = [];

  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    index.forEach(function (entry) {
      var best = -1;
      entry.lower.forEach(function (name, i) {
        var at = name.indexOf(q);
        if (at < 0) return;
        var score = (name === q ? 0 : at === 0 ? 1 : 2) * 1000 + name.length;
        if (best < 0 || score < entry._score) { best = i; entry._score = score; }
      });
      if (best >= 0) found.push({ id: entry.id, name: entry.names[best], score: entry._score });
    });
    found.sort(function (a, b) { return a.score - b.score || a.id - b.id; });
    return found.slice(0, 30);
  }

  function select(id) {
    var n = byId[id];
    if (hidden[id]) {
      focusSet = null;
      note.hidden = true;
      boxes.forEach(function (b) { if (b.getAttribute("data-cat") === n.kgCat) b.checked = true; });
      apply();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    updateEdgeLabels();
    showDetail(id);
  }

  function runSearch() {
    hits = find(input.value);
    results.replaceChildren();
    hits.forEach(function (hit) {
      var li = el("li");
      var button = el("button", null, hit.name);
      button.type = "button";
      var n = byId[hit.id];
      var type = categories[n.kgCat] + (hit.name !== n.kgName ? " · " + n.kgName : "");
      button.appendChild(el("span", "type", type));
      button.addEventListener("click", function () { select(hit.id); });
      li.appendChild(button);
      results.appendChild(li);
    });
  }
  input.addEventListener("input", runSearch);
  input.addEventListener("compositionend", runSearch);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.isComposing && hits.length) select(hits[0].id);
  });

  window.kg = {
    network: network, nodes: nodes, edges: edges, find: find, select: select,
    info: function (id) { return byId[id]; },
    showNeighbourhood: showNeighbourhood, reset: reset, colour: colour,
    colourBy: function () { return colourBy; },
    visibleCount: function () { return all.filter(function (n) { return !hidden[n.id]; }).length; }
  };
})();
