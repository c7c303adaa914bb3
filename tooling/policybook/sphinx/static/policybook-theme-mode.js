/* The theme's colour-mode snippet (pydata-sphinx-theme layout.html), moved to a file so that
   no page needs an inline script; runs before the page renders, as the original did. */
(function () {
  var fallback = (document.currentScript && document.currentScript.dataset.defaultMode) || "auto";
  document.documentElement.dataset.mode = localStorage.getItem("mode") || fallback;
  document.documentElement.dataset.theme = localStorage.getItem("theme") || fallback;
})();
