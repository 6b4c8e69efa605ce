/* Where resources have pages: IRIs under the base IRI are served under its path (Linked Data),
 * newskg's vocabulary terms at /resource?iri=…; anything else is an external link. */
(function () {
  "use strict";
  var VOCABULARY = ["https://w3id.org/newskg/", "http://qudt.org/vocab/currency/"];
  var KINDS = ["article", "agency", "person", "role", "program", "place", "population", "observation"];

  function make(baseIri, basePath) {
    function page(iri) {
      if (baseIri && iri.indexOf(baseIri) === 0) {
        var rest = iri.slice(baseIri.length);
        var slash = rest.indexOf("/");
        if (slash > 0 && KINDS.indexOf(rest.slice(0, slash)) >= 0) {
          return basePath + rest;
        }
      }
      for (var i = 0; i < VOCABULARY.length; i++) {
        if (iri.indexOf(VOCABULARY[i]) === 0) {
          return "/resource?iri=" + encodeURIComponent(iri);
        }
      }
      return null;
    }
    function compact(iri, prefixes) {
      if (baseIri && iri.indexOf(baseIri) === 0) {
        return iri.slice(baseIri.length);
      }
      var best = "";
      var name = "";
      Object.keys(prefixes || {}).forEach(function (prefix) {
        var ns = prefixes[prefix];
        if (iri.indexOf(ns) === 0 && ns.length > best.length && iri.length > ns.length) {
          best = ns;
          name = prefix;
        }
      });
      return best ? name + ":" + iri.slice(best.length) : iri;
    }
    return { page: page, compact: compact };
  }

  window.newskgLinks = { make: make };
})();
