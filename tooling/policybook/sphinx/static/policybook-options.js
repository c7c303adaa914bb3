/* Values the theme used to set in inline scripts, read from the page instead. */
(function () {
  if (typeof DOCUMENTATION_OPTIONS === "undefined") return;
  var meta = document.querySelector('meta[name="policybook:pagename"]');
  DOCUMENTATION_OPTIONS.pagename = meta ? meta.getAttribute("content") : "";
  DOCUMENTATION_OPTIONS.search_as_you_type = false;
})();
