/* policybook quizzes: checking, scoring, saving, results and the presenter view.
   No framework and nothing from outside the site. Questions are real form controls in the
   page; this script only reads them. */
(function () {
  "use strict";
  var STORE = "policybook:quiz:";

  function hash(text) { // FNV-1a, for a reproducible shuffle seed
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return h >>> 0;
  }
  function rng(seed) { // mulberry32
    return function () {
      seed = (seed + 0x6D2B79F5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffleChildren(parent, random) {
    var items = Array.prototype.slice.call(parent.children);
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1)), t = items[i]; items[i] = items[j]; items[j] = t;
    }
    items.forEach(function (el) { parent.appendChild(el); });
  }
  function decode(text) {
    var bytes = atob(text), arr = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) arr[i] = bytes.charCodeAt(i);
    return JSON.parse(new TextDecoder().decode(arr));
  }
  function encode(obj) {
    var bytes = new TextEncoder().encode(JSON.stringify(obj)), bin = "";
    bytes.forEach(function (b) { bin += String.fromCharCode(b); });
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function $$(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }

  function answersOf(fs) {
    if (fs.dataset.type === "ordering") {
      return $$(fs, "select.pb-order-select").map(function (s) { return [Number(s.dataset.index), Number(s.value || 0)]; })
        .sort(function (a, b) { return a[0] - b[0]; }).map(function (p) { return p[1]; });
    }
    return $$(fs, "input:checked").map(function (i) { return Number(i.value); }).sort(function (a, b) { return a - b; });
  }
  function setAnswers(fs, values) {
    if (!values) return;
    if (fs.dataset.type === "ordering") {
      $$(fs, "select.pb-order-select").forEach(function (s) { var v = values[Number(s.dataset.index)]; s.value = v ? String(v) : ""; });
    } else {
      $$(fs, "input").forEach(function (i) { i.checked = values.indexOf(Number(i.value)) >= 0; });
    }
  }
  function isRight(fs, right) {
    var got = answersOf(fs);
    if (fs.dataset.type === "ordering") return got.every(function (pos, i) { return pos === right[i] + 1; });
    return got.length === right.length && got.every(function (v, i) { return v === right[i]; });
  }

  function Quiz(section) {
    this.el = section;
    this.key = decode(section.dataset.key);
    this.storeKey = STORE + section.dataset.bank + ":" + section.dataset.version;
    this.pass = Number(section.dataset.pass || 80);
    this.questions = $$(section, "fieldset.pb-question");
    this.started = Date.now();
    var random = rng(hash(section.dataset.bank + "|" + section.dataset.version));
    var form = section.querySelector("form");
    if (section.dataset.shuffleAnswers === "1") {
      this.questions.forEach(function (fs) {
        if (fs.dataset.type !== "ordering") shuffleChildren(fs.querySelector(".pb-options"), random);
      });
    }
    if (section.dataset.shuffleQuestions === "1") {
      var controls = section.querySelector(".pb-quiz-controls");
      shuffleChildren(form, random);
      form.appendChild(controls.parentNode === form ? controls : controls);
    }
    var n = Number(section.dataset.nQuestions || 0);
    if (n > 0 && n < this.questions.length) {
      this.questions.slice(n).forEach(function (fs) { fs.hidden = true; fs.disabled = true; });
      this.questions = this.questions.slice(0, n);
    }
    this.questions.forEach(function (fs, i) { // renumber after shuffling or drawing
      var legend = fs.querySelector("legend");
      legend.textContent = legend.textContent.replace(/^問\d+/, "問" + (i + 1));
    });
    var self = this;
    this.controls = section.querySelector(".pb-quiz-controls");
    this.controls.hidden = false;
    this.result = section.querySelector(".pb-result");
    this.button(".pb-check", function () { self.check(); });
    this.button(".pb-retry", function () { self.retry(); });
    this.button(".pb-download", function () { self.download(); });
    this.button(".pb-present", function () { self.present(); });
    form.addEventListener("change", function () { self.save(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); self.check(); });
    this.restore();
  }
  Quiz.prototype.button = function (sel, fn) { var b = this.el.querySelector(sel); if (b) b.addEventListener("click", fn); };
  Quiz.prototype.state = function () {
    var answers = {};
    this.questions.forEach(function (fs) { answers[fs.dataset.qid] = answersOf(fs); });
    return answers;
  };
  Quiz.prototype.save = function (checked) {
    try {
      localStorage.setItem(this.storeKey, JSON.stringify({ answers: this.state(), checked: !!checked, started: this.started }));
    } catch (e) { /* storage may be off: the quiz still works */ }
  };
  Quiz.prototype.restore = function () {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(this.storeKey) || "null"); } catch (e) { saved = null; }
    if (!saved) return;
    this.questions.forEach(function (fs) { setAnswers(fs, saved.answers[fs.dataset.qid]); });
    if (saved.started) this.started = saved.started;
    if (saved.checked) this.check(true);
    else this.result.textContent = "前回の回答を復元しました。";
  };
  Quiz.prototype.check = function (quiet) {
    var self = this, right = 0, missed = [];
    this.questions.forEach(function (fs) {
      var ok = isRight(fs, self.key[fs.dataset.qid]);
      if (ok) right++; else missed.push(fs.dataset.qid);
      fs.classList.toggle("pb-correct", ok);
      fs.classList.toggle("pb-wrong", !ok);
      fs.querySelector(".pb-feedback").hidden = false;
      var mark = fs.querySelector(".pb-mark") || document.createElement("p");
      mark.className = "pb-mark";
      mark.textContent = ok ? "正解です。" : "不正解です。";
      fs.querySelector(".pb-feedback").prepend(mark);
      $$(fs, "li.pb-option").forEach(function (li) {
        var input = li.querySelector("input"), comment = li.querySelector(".pb-option-comment");
        if (comment) comment.hidden = !(input && input.checked);
      });
    });
    var total = this.questions.length, score = Math.round(100 * right / total);
    this.last = { bank: this.el.dataset.bank, version: this.el.dataset.version, answers: this.state(), right: right,
                  total: total, score: score, passed: score >= this.pass, missed: missed,
                  started: new Date(this.started).toISOString(), finished: new Date().toISOString(),
                  name: (this.el.querySelector(".pb-name") || {}).value || "" };
    this.result.textContent = total + "問中" + right + "問正解（" + score + "％）。" +
      (score >= this.pass ? "合格です。" : "合格の目安（" + this.pass + "％）に届きませんでした。解説を読んでやり直しましょう。");
    this.el.querySelector(".pb-retry").hidden = false;
    this.el.querySelector(".pb-download").hidden = false;
    var box = this.el.querySelector(".pb-code-box");
    box.hidden = false;
    box.querySelector("input").value = "PB1." + encode(this.last);
    this.save(true);
    if (!quiet) this.result.focus && this.result.setAttribute("tabindex", "-1");
  };
  Quiz.prototype.retry = function () {
    this.questions.forEach(function (fs) {
      setAnswers(fs, fs.dataset.type === "ordering" ? [] : []);
      fs.classList.remove("pb-correct", "pb-wrong");
      $$(fs, "[hidden], .pb-feedback, .pb-option-comment").forEach(function (el) {
        if (el.classList.contains("pb-feedback") || el.classList.contains("pb-option-comment")) el.hidden = true;
      });
    });
    this.started = Date.now();
    this.result.textContent = "回答を消しました。もう一度答えてください。";
    this.el.querySelector(".pb-retry").hidden = true;
    this.save(false);
    var first = this.el.querySelector("input, select");
    if (first) first.focus();
  };
  Quiz.prototype.download = function () {
    if (!this.last) return;
    var blob = new Blob([JSON.stringify(this.last, null, 1)], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "quiz-result-" + this.last.bank + "-" + this.last.finished.slice(0, 10) + ".json";
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  };

  /* Presenter view: one question at a time, large type, reveal, hand counts, summary. */
  Quiz.prototype.present = function () {
    var self = this, el = this.el, i = 0, counts = {};
    el.classList.add("pb-presenting");
    var bar = document.createElement("div");
    bar.className = "pb-present-bar";
    bar.innerHTML = '<button type="button" data-go="-1">前の問題</button><button type="button" data-go="reveal">答えを表示</button>' +
      '<button type="button" data-go="1">次の問題</button><button type="button" data-go="end">終了</button><span class="pb-present-pos" aria-live="polite"></span>';
    el.prepend(bar);
    this.questions.forEach(function (fs) {
      counts[fs.dataset.qid] = [];
      $$(fs, "li.pb-option").forEach(function (li) {
        var box = document.createElement("input");
        box.type = "number"; box.min = "0"; box.value = "0"; box.className = "pb-hand";
        box.setAttribute("aria-label", "挙手の数：" + li.textContent.trim());
        li.appendChild(box);
      });
    });
    function show() {
      self.questions.forEach(function (fs, j) { fs.classList.toggle("pb-current", j === i); });
      bar.querySelector(".pb-present-pos").textContent = (i + 1) + " / " + self.questions.length;
      var legend = self.questions[i].querySelector("legend");
      legend.setAttribute("tabindex", "-1"); legend.focus();
    }
    function summary() {
      var rows = self.questions.map(function (fs) {
        var right = self.key[fs.dataset.qid];
        var hands = $$(fs, "li.pb-option").map(function (li) {
          return li.querySelector("label").textContent.trim() + "：" + (li.querySelector(".pb-hand").value || 0) + "人";
        }).join("　");
        var answer = fs.querySelector(".pb-right-answer, .pb-right-order");
        return "<tr><th scope=\"row\">" + esc(fs.querySelector("legend").textContent) + "</th><td>" +
          esc(answer ? answer.textContent : "") + "</td><td>" + esc(hands) + "</td></tr>";
      }).join("");
      var table = document.createElement("div");
      table.className = "pb-present-summary";
      table.innerHTML = "<h3>研修のまとめ</h3><table><thead><tr><th>問題</th><th>正解</th><th>挙手の数</th></tr></thead><tbody>" +
        rows + "</tbody></table>";
      el.classList.remove("pb-presenting");
      bar.remove();
      el.prepend(table);
      table.querySelector("h3").setAttribute("tabindex", "-1"); table.querySelector("h3").focus();
    }
    bar.addEventListener("click", function (e) {
      var go = e.target.getAttribute("data-go");
      if (!go) return;
      if (go === "reveal") { self.questions[i].querySelector(".pb-feedback").hidden = false; return; }
      if (go === "end") { summary(); return; }
      i = Math.max(0, Math.min(self.questions.length - 1, i + Number(go)));
      show();
    });
    show();
  };
  function esc(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  /* Trainer page: import result files and codes, show attendance, scores and misses. */
  function Trainer(el) {
    var texts = JSON.parse(el.dataset.questions || "{}"), results = [];
    el.querySelector(".pb-trainer-form").hidden = false;
    var out = el.querySelector(".pb-trainer-out");
    function add(r) {
      if (r && r.bank && r.answers) results.push(r);
    }
    function render() {
      if (!results.length) { out.textContent = "結果がまだありません。"; return; }
      var passed = results.filter(function (r) { return r.passed; }).length;
      var avg = Math.round(results.reduce(function (a, r) { return a + r.score; }, 0) / results.length);
      var missed = {};
      results.forEach(function (r) { (r.missed || []).forEach(function (q) { missed[q] = (missed[q] || 0) + 1; }); });
      var top = Object.keys(missed).sort(function (a, b) { return missed[b] - missed[a]; }).slice(0, 5);
      out.innerHTML = "<p>受講者数：" + results.length + "人　平均点：" + avg + "％　合格率：" +
        Math.round(100 * passed / results.length) + "％（" + passed + "人）</p>" +
        "<h3>間違いの多かった問題</h3><ol>" + top.map(function (q) {
          return "<li>" + esc(texts[q] || q) + "（" + missed[q] + "人）</li>";
        }).join("") + "</ol>" +
        "<table><thead><tr><th>氏名等</th><th>クイズ</th><th>得点</th><th>合否</th><th>終了日時</th></tr></thead><tbody>" +
        results.map(function (r) {
          return "<tr><td>" + esc(r.name || "（記名なし）") + "</td><td>" + esc(r.bank) + "</td><td>" + r.score + "％</td><td>" +
            (r.passed ? "合格" : "不合格") + "</td><td>" + esc(r.finished || "") + "</td></tr>";
        }).join("") + "</tbody></table>";
      out.dataset.count = String(results.length);
      out.dataset.passRate = String(Math.round(100 * passed / results.length));
      out.dataset.average = String(avg);
    }
    el.querySelector(".pb-trainer-files").addEventListener("change", function (e) {
      var files = Array.prototype.slice.call(e.target.files), left = files.length;
      files.forEach(function (f) {
        f.text().then(function (t) { try { add(JSON.parse(t)); } catch (err) { /* not a result file */ }
          if (--left === 0) render(); });
      });
    });
    el.querySelector(".pb-trainer-read").addEventListener("click", function () {
      el.querySelector(".pb-trainer-codes").value.split(/\s+/).forEach(function (code) {
        if (code.indexOf("PB1.") !== 0) return;
        try {
          var b64 = code.slice(4).replace(/-/g, "+").replace(/_/g, "/");
          while (b64.length % 4) b64 += "=";
          add(decode(b64));
        } catch (err) { /* ignore a mistyped code */ }
      });
      render();
    });
    el.querySelector(".pb-trainer-csv").addEventListener("click", function () {
      var lines = [["氏名等", "クイズ", "版", "正解数", "問題数", "得点", "合否", "開始", "終了"].join(",")];
      results.forEach(function (r) {
        lines.push([r.name || "", r.bank, r.version, r.right, r.total, r.score, r.passed ? "合格" : "不合格", r.started, r.finished]
          .map(function (v) { v = String(v == null ? "" : v); return /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }).join(","));
      });
      var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob); a.download = "kenshu-kekka.csv";
      document.body.appendChild(a); a.click(); a.remove();
    });
    render();
  }

  function start() {
    $$(document, "section.pb-quiz").forEach(function (s) {
      try { s.pbQuiz = new Quiz(s); } catch (e) { if (window.console) console.warn("policybook quiz", e); }
    });
    $$(document, ".pb-trainer").forEach(function (el) { new Trainer(el); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
