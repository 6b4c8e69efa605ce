/* The graph view: draws /api/graph (JSON node-link) with Cytoscape.js (vendored). */
(function () {
  "use strict";

  var container = document.getElementById("graph");
  var statusLine = document.getElementById("graph-status");
  var errorBox = document.getElementById("graph-error");
  var details = document.getElementById("graph-details");
  var nodeList = document.getElementById("node-list");
  var links = window.newskgLinks.make(container.dataset.baseIri, container.dataset.basePath);

  var COLOURS = {
    "agency": "#1f6feb",
    "news-agency": "#0e7490",
    "person": "#c2410c",
    "program": "#7c3aed",
    "place": "#15803d",
    "population": "#a16207",
    "article": "#475569",
    "observation": "#be185d"
  };

  function colourKey(node) {
    return node.type === "NewsAgency" ? "news-agency" : node.kind;
  }

  function showError(message) {
    errorBox.hidden = false;
    errorBox.textContent = message;
    statusLine.textContent = "The graph could not be drawn.";
  }

  function showDetails(data) {
    details.textContent = "";
    var title = document.createElement("p");
    title.className = "details-label";
    title.textContent = data.label;
    details.appendChild(title);
    var kind = document.createElement("p");
    kind.className = "muted";
    kind.textContent = data.type + (data.datePublished ? " · " + data.datePublished : "");
    details.appendChild(kind);
    var anchor = document.createElement("a");
    anchor.href = data.href;
    anchor.textContent = "Open its page";
    details.appendChild(anchor);
  }

  function listNodes(nodes) {
    nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); })
      .forEach(function (node) {
        var item = document.createElement("li");
        var anchor = document.createElement("a");
        anchor.href = links.page(node.id) || node.id;
        anchor.textContent = node.label;
        item.appendChild(anchor);
        item.appendChild(document.createTextNode(" (" + node.type + ")"));
        nodeList.appendChild(item);
      });
  }

  function draw(document_) {
    var focus = document_.graph && document_.graph.focus;
    var elements = [];
    document_.nodes.forEach(function (node) {
      elements.push({
        group: "nodes",
        data: {
          id: node.id,
          label: node.label,
          kind: node.kind,
          type: node.type,
          datePublished: node.datePublished || "",
          href: links.page(node.id) || node.id,
          colour: COLOURS[colourKey(node)] || "#64748b",
          focus: node.id === focus ? "yes" : "no"
        }
      });
    });
    document_.links.forEach(function (link, index) {
      elements.push({
        group: "edges",
        data: {
          id: "e" + index,
          source: link.source,
          target: link.target,
          kind: link.kind,
          weight: link.weight || 1
        }
      });
    });
    var cy = window.cytoscape({
      container: container,
      elements: elements,
      maxZoom: 3,
      minZoom: 0.1,
      style: [
        {
          selector: "node",
          style: {
            "background-color": "data(colour)",
            "label": "data(label)",
            "font-size": 11,
            "min-zoomed-font-size": 7,
            "color": "#1e293b",
            "text-wrap": "ellipsis",
            "text-max-width": 140,
            "text-valign": "bottom",
            "text-margin-y": 4,
            "width": 22,
            "height": 22
          }
        },
        { selector: "node[kind = 'article']", style: { "shape": "round-rectangle" } },
        { selector: "node[kind = 'observation']", style: { "shape": "diamond", "width": 16, "height": 16 } },
        { selector: "node[focus = 'yes']", style: { "border-width": 4, "border-color": "#0f172a" } },
        { selector: "node:selected", style: { "border-width": 4, "border-color": "#f59e0b" } },
        {
          selector: "edge",
          style: {
            "width": "mapData(weight, 1, 10, 1, 5)",
            "line-color": "#94a3b8",
            "target-arrow-color": "#94a3b8",
            "target-arrow-shape": "triangle",
            "arrow-scale": 0.8,
            "curve-style": "bezier",
            "label": "data(kind)",
            "font-size": 8,
            "min-zoomed-font-size": 6,
            "color": "#64748b",
            "text-rotation": "autorotate",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.8,
            "text-background-padding": 1
          }
        },
        { selector: "edge[kind = 'role']", style: { "line-color": "#c2410c", "target-arrow-color": "#c2410c" } },
        { selector: "edge[kind = 'mentions']", style: { "line-style": "dashed" } }
      ],
      layout: {
        name: "cose",
        animate: false,
        padding: 40,
        randomize: true,
        nodeRepulsion: function () { return 40000; },
        nodeOverlap: 20,
        idealEdgeLength: function () { return 60; },
        edgeElasticity: function () { return 100; },
        gravity: 0.6,
        numIter: 2500
      }
    });
    cy.on("tap", "node", function (event) { showDetails(event.target.data()); });
    cy.on("dbltap", "node", function (event) { window.location.href = event.target.data("href"); });
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    statusLine.textContent = cy.nodes().length + " nodes, " + cy.edges().length + " edges" +
      (focus ? " around " + focus : "") + ".";
    listNodes(document_.nodes);
    window.newskgGraph = cy;
  }

  fetch(container.dataset.source, { headers: { "Accept": "application/json" } })
    .then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) {
          var message = "HTTP " + response.status;
          try {
            message = JSON.parse(text).error.message;
          } catch (ignored) {
            /* keep the status */
          }
          showError(message);
          return;
        }
        var document_ = JSON.parse(text);
        if (!document_.nodes.length) {
          statusLine.textContent = "The graph is empty: ingest some articles first.";
          container.dataset.nodes = "0";
          return;
        }
        draw(document_);
      });
    })
    .catch(function (error) { showError("Could not load the graph: " + error.message); });
})();
