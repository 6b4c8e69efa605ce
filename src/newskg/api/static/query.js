/* The query page: example picker, editor with line numbers, Run (and Ctrl+Enter), results
 * table with links to resource pages, CSV/JSON downloads, errors from the API's envelope. */
(function () {
  "use strict";

  var form = document.getElementById("query-form");
  var editor = document.getElementById("query");
  var gutter = document.getElementById("gutter");
  var picker = document.getElementById("example");
  var description = document.getElementById("example-description");
  var parameters = document.getElementById("example-parameters");
  var statusLine = document.getElementById("status");
  var errorBox = document.getElementById("error");
  var results = document.getElementById("results");
  var runButton = document.getElementById("run");
  var csvButton = document.getElementById("download-csv");
  var jsonButton = document.getElementById("download-json");

  var examples = JSON.parse(document.getElementById("examples-data").textContent);
  var prefixes = JSON.parse(document.getElementById("prefixes-data").textContent);
  var links = window.newskgLinks.make(form.dataset.baseIri, form.dataset.basePath);
  var MAX_ROWS = 2000;
  var NUMERIC = /#(integer|decimal|double|float|int|long|short|nonNegativeInteger)$/;
  var lastQuery = null;

  function updateGutter() {
    var lines = editor.value.split("\n").length;
    var numbers = [];
    for (var i = 1; i <= lines; i++) {
      numbers.push(i);
    }
    gutter.textContent = numbers.join("\n");
    gutter.scrollTop = editor.scrollTop;
  }

  function showExample(name) {
    var example = examples.find(function (item) { return item.name === name; });
    if (!example) {
      description.textContent = "";
      parameters.textContent = "";
      return;
    }
    editor.value = example.text;
    description.textContent = example.description || "";
    parameters.textContent = example.parameters.length
      ? "Parameters: " + example.parameters.map(function (param) {
          return "?" + param.name + " (" + param.type + (param.required ? "" : ", optional") + ")" +
            (param.description ? " — " + param.description : "");
        }).join("; ")
      : "";
    updateGutter();
  }

  function setBusy(busy) {
    runButton.disabled = busy;
    form.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function showError(message) {
    errorBox.hidden = false;
    errorBox.textContent = message;
  }

  function clearOutput() {
    errorBox.hidden = true;
    errorBox.textContent = "";
    results.textContent = "";
  }

  function envelopeMessage(response, text) {
    try {
      var body = JSON.parse(text);
      if (body && body.error) {
        var detail = body.error.detail;
        var extra = typeof detail === "string" && detail ? "\n" + detail : "";
        return body.error.message + " (" + body.error.code + ", HTTP " + response.status + ")" + extra;
      }
    } catch (ignored) {
      /* not JSON: fall through */
    }
    return "HTTP " + response.status + " " + response.statusText + (text ? ": " + text.slice(0, 500) : "");
  }

  function request(query, accept) {
    return fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        "Accept": accept
      },
      body: new URLSearchParams({ query: query }).toString()
    });
  }

  function termCell(term) {
    var cell = document.createElement("td");
    if (!term) {
      return cell;
    }
    if (term.type === "uri") {
      var target = links.page(term.value);
      var anchor = document.createElement("a");
      anchor.href = target || term.value;
      anchor.textContent = links.compact(term.value, prefixes);
      anchor.title = term.value;
      if (!target) {
        anchor.className = "external";
        anchor.rel = "noopener";
      }
      cell.appendChild(anchor);
    } else if (term.type === "bnode") {
      cell.textContent = "_:" + term.value;
      cell.className = "muted";
    } else {
      cell.textContent = term.value;
      if (term.datatype && NUMERIC.test(term.datatype)) {
        cell.className = "num";
      }
      if (term.value.length > 160) {
        cell.classList.add("long");
      }
    }
    return cell;
  }

  function renderSolutions(document_) {
    var vars = document_.head.vars || [];
    var rows = document_.results.bindings;
    var table = document.createElement("table");
    table.className = "data results-table";
    var caption = document.createElement("caption");
    caption.className = "visually-hidden";
    caption.textContent = "Query results";
    table.appendChild(caption);
    var head = table.createTHead().insertRow();
    vars.forEach(function (name) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = name;
      head.appendChild(th);
    });
    var body = table.createTBody();
    rows.slice(0, MAX_ROWS).forEach(function (binding) {
      var tr = body.insertRow();
      vars.forEach(function (name) {
        tr.appendChild(termCell(binding[name]));
      });
    });
    results.appendChild(table);
    return rows.length;
  }

  function run() {
    var query = editor.value;
    if (!query.trim()) {
      showError("Write a query first.");
      return;
    }
    clearOutput();
    setBusy(true);
    statusLine.textContent = "Running…";
    var started = performance.now();
    request(query, "application/sparql-results+json, text/turtle;q=0.9")
      .then(function (response) {
        return response.text().then(function (text) {
          var elapsed = Math.round(performance.now() - started);
          if (!response.ok) {
            statusLine.textContent = "The query failed.";
            showError(envelopeMessage(response, text));
            csvButton.disabled = jsonButton.disabled = true;
            return;
          }
          var type = response.headers.get("Content-Type") || "";
          lastQuery = query;
          if (type.indexOf("json") >= 0) {
            var document_ = JSON.parse(text);
            csvButton.disabled = jsonButton.disabled = false;
            if (typeof document_.boolean === "boolean") {
              var answer = document.createElement("p");
              answer.className = "boolean-result";
              answer.textContent = document_.boolean ? "true" : "false";
              results.appendChild(answer);
              statusLine.textContent = "ASK answered in " + elapsed + " ms.";
              csvButton.disabled = true;
              return;
            }
            var count = renderSolutions(document_);
            statusLine.textContent = count + (count === 1 ? " row" : " rows") + " in " + elapsed + " ms" +
              (count > MAX_ROWS ? " (the first " + MAX_ROWS + " are shown; download for all)." : ".");
          } else {
            var pre = document.createElement("pre");
            pre.className = "graph-result";
            pre.textContent = text;
            results.appendChild(pre);
            statusLine.textContent = "Graph result in " + elapsed + " ms.";
            csvButton.disabled = jsonButton.disabled = true;
          }
        });
      })
      .catch(function (error) {
        statusLine.textContent = "The query failed.";
        showError("Could not reach the server: " + error.message);
      })
      .finally(function () {
        setBusy(false);
      });
  }

  function download(accept, extension) {
    if (lastQuery === null) {
      return;
    }
    request(lastQuery, accept).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) {
          showError(envelopeMessage(response, text));
        });
      }
      return response.blob().then(function (blob) {
        var url = URL.createObjectURL(blob);
        var anchor = document.createElement("a");
        anchor.href = url;
        anchor.download = (picker.value || "query") + "-results." + extension;
        document.body.appendChild(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      });
    });
  }

  editor.addEventListener("input", updateGutter);
  editor.addEventListener("scroll", function () { gutter.scrollTop = editor.scrollTop; });
  editor.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      run();
    }
  });
  picker.addEventListener("change", function () { showExample(picker.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  csvButton.addEventListener("click", function () { download("text/csv", "csv"); });
  jsonButton.addEventListener("click", function () {
    download("application/sparql-results+json", "json");
  });

  if (picker.value) {
    showExample(picker.value);
  }
  updateGutter();
})();
