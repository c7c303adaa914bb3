/* policybook checklists: ticks kept in this browser, CSV export, printing. */
(function () {
  "use strict";
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("section.pb-checklist"), function (el) {
      var key = "policybook:checklist:" + el.dataset.checklist + ":" + el.dataset.version;
      var boxes = Array.prototype.slice.call(el.querySelectorAll("input[type=checkbox]"));
      var status = el.querySelector(".pb-checklist-status");
      var saved = {};
      try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { saved = {}; }
      boxes.forEach(function (b) { b.checked = !!saved[b.dataset.item]; });
      function save() {
        var state = { updated: new Date().toISOString() };
        boxes.forEach(function (b) { if (b.checked) state[b.dataset.item] = true; });
        try { localStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* storage off */ }
        var done = boxes.filter(function (b) { return b.checked; }).length;
        status.textContent = boxes.length + "項目中" + done + "項目を確認済み";
      }
      el.addEventListener("change", save);
      el.querySelector(".pb-checklist-controls").hidden = false;
      el.querySelector(".pb-checklist-print").addEventListener("click", function () { window.print(); });
      el.querySelector(".pb-checklist-clear").addEventListener("click", function () {
        boxes.forEach(function (b) { b.checked = false; }); save();
      });
      el.querySelector(".pb-checklist-csv").addEventListener("click", function () {
        var now = new Date().toISOString();
        var rows = [["番号", "確認項目", "確認", "日時"].join(",")];
        boxes.forEach(function (b) {
          var text = el.querySelector("label[for='" + b.id + "']").textContent.trim().replace(/"/g, '""');
          rows.push([b.dataset.item, '"' + text + '"', b.checked ? "済" : "未", now].join(","));
        });
        var blob = new Blob(["\ufeff" + rows.join("\r\n") + "\r\n"], { type: "text/csv" });
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob); a.download = "checklist-" + el.dataset.checklist + ".csv";
        document.body.appendChild(a); a.click(); a.remove();
      });
      save();
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
