/* policybook search: the same tokens as the index (policybook/search/tokens.py), shards
   loaded on demand, citations typed as queries go straight to the article. */
(function () {
  "use strict";
  var script = document.getElementById("pb-search-script");
  if (!script) return;
  var base = script.getAttribute("data-index"), root = script.getAttribute("data-root");
  var KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ";
  var OKURIGANA = new RegExp("([" + KANJI + "])[\u3041-\u309f]{1,2}(?=[" + KANJI + "])", "g");
  var RUN = /[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffー々〆ヶ]+/g;
  var ASCII = /[a-z0-9]+(?:[.\-][a-z0-9]+)*/g;
  var meta = null, shards = {}, leads = {}, waiting = {};
  var KANJI_PAIR = new RegExp("^[" + KANJI + "]{2}$|^[a-z0-9]");
  // What staff are usually after: the guide that says what to do ranks before a quiz on it.
  var PRIOR = { "ガイド": 1.3, "役割": 1.1, "規程": 1.0, "用語": 1.0, "事例": 1.0, "研修": 0.9, "チェック": 0.9,
                "ページ": 0.8, "監査": 0.6, "クイズ": 0.5 };

  window.PBSearch = {
    meta: function (m) { meta = m; if (waiting.meta) waiting.meta(); },
    shard: function (n, data) { shards[n] = data; if (waiting[n]) waiting[n](); },
    leads: function (n, data) { leads[n] = data; if (waiting["lead" + n]) waiting["lead" + n](); }
  };
  function load(name, key) {
    var have = key === "meta" ? meta : (String(key).indexOf("lead") === 0 ? leads[key.slice(4)] : shards[key]);
    if (have) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      waiting[key] = resolve;
      var s = document.createElement("script");
      s.src = base + name; s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  window.PBSearch.normalize = function (t) { return normalize(t); };
  window.PBSearch.tokens = function (t, u) { return tokens(t, u); };
  window.PBSearch.shardOf = function (t) { return shardOf(t); };
  function normalize(text) { return text.normalize("NFKC").toLowerCase().replace(OKURIGANA, "$1"); }
  function tokens(text, unigrams) {
    var out = [];
    (text.match(RUN) || []).forEach(function (run) {
      var chars = Array.from(run);
      if (chars.length === 1 || unigrams) chars.forEach(function (c) { out.push("1" + c); });
      for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    });
    (text.match(ASCII) || []).forEach(function (w) { out.push(w); });
    return out;
  }
  function shardOf(token) {
    var h = 0;
    for (var i = 0; i < token.length; i++) h = (Math.imul(h, 31) + token.charCodeAt(i)) >>> 0;
    return h % meta.shards;
  }
  var KANJI_DIGITS = { "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
  function number(text) {
    if (/^\d+$/.test(text)) return Number(text);
    var total = 0, current = 0;
    Array.from(text).forEach(function (c) {
      if (c in KANJI_DIGITS) current = KANJI_DIGITS[c];
      else if (c === "十") { total += (current || 1) * 10; current = 0; }
      else if (c === "百") { total += (current || 1) * 100; current = 0; }
    });
    return total + current;
  }
  var NUM = "([0-9〇一二三四五六七八九十百]+)";
  var CITE = new RegExp("^\\s*第\\s*" + NUM + "\\s*条(?:\\s*の\\s*" + NUM + ")?(?:\\s*第\\s*" + NUM + "\\s*項)?(?:\\s*第\\s*" + NUM + "\\s*号)?");
  var names = null;
  function ruleNames() { // [name, page] for every rule title and alias, longest first
    if (!names) {
      names = meta.rules.map(function (id) { return [meta.pages[id][1], id]; }).concat(meta.aliases);
      names.sort(function (a, b) { return b[0].length - a[0].length; });
    }
    return names;
  }
  function citation(query) {
    var q = query.normalize("NFKC").replace(/\s+/g, ""), list = ruleNames();
    for (var i = 0; i < list.length; i++) {
      var name = list[i][0].normalize("NFKC");
      if (q.indexOf(name) !== 0) continue;
      var m = CITE.exec(q.slice(name.length));
      if (!m) return null;
      var anchor = "Article_" + number(m[1]) + (m[2] ? "_" + number(m[2]) : "");
      var label = "第" + number(m[1]) + "条" + (m[2] ? "の" + number(m[2]) : "");
      if (m[3] || m[4]) { anchor += "-Paragraph_" + (m[3] ? number(m[3]) : 1); if (m[3]) label += "第" + number(m[3]) + "項"; }
      if (m[4]) { anchor += "-Item_" + number(m[4]); label += "第" + number(m[4]) + "号"; }
      return { url: meta.pages[list[i][1]][0] + "#" + anchor, title: list[i][0] + label };
    }
    return null;
  }
  function words(query) {
    return normalize(query).split(/[\s、。・,]+/).filter(function (w) { return tokens(w).length; });
  }
  function score(ws, kind, role) {
    var n = meta.pages.length, totals = {}, hits = {};
    ws.forEach(function (w, wi) {
      var toks = Array.from(new Set(tokens(w, Array.from(w).length === 1)));
      if (Array.from(w).length === 1) toks = toks.filter(function (t) { return t[0] === "1"; });
      var per = {};
      toks.forEach(function (t) {
        var list = (shards[shardOf(t)] || {})[t];
        if (!list) return;
        var entries = list.split(","), idf = Math.log(1 + n / entries.length);
        entries.forEach(function (e) {
          var p = e.split(":"), id = parseInt(p[0], 16), wt = parseInt(p[1], 16);
          var slot = per[id] || (per[id] = { matched: 0, sum: 0 });
          slot.matched++; slot.sum += wt * idf;
        });
      });
      // kanji pairs carry the meaning; kana endings vary (持ち帰り / 持ち帰る)
      var core = toks.filter(function (t) { return KANJI_PAIR.test(t); });
      Object.keys(per).forEach(function (id) {
        var slot = per[id], coverage = slot.matched / toks.length;
        var coreHit = core.length && core.every(function (t) { return ((shards[shardOf(t)] || {})[t] || "").split(",")
          .some(function (e) { return parseInt(e.split(":")[0], 16) === Number(id); }); });
        var s = coverage === 1 ? slot.sum : (coreHit ? slot.sum * 0.6 : (toks.length >= 3 && coverage >= 0.5 ? slot.sum * 0.3 * coverage : 0));
        if (!s) return;
        var title = normalize(meta.pages[id][1]);
        if (title === w) s += 800; else if (title.indexOf(w) >= 0) s += 200;
        s *= PRIOR[meta.pages[id][2]] || 1;
        totals[id] = (totals[id] || 0) + s;
        (hits[id] || (hits[id] = {}))[wi] = true;
      });
    });
    var ids = Object.keys(totals).filter(function (id) {
      var page = meta.pages[id];
      return (!kind || page[2] === kind) && (!role || !page[4].length || page[4].indexOf(role) >= 0);
    });
    var all = ids.filter(function (id) { return Object.keys(hits[id]).length === ws.length; });
    return (all.length ? all : ids).sort(function (a, b) { return totals[b] - totals[a]; });
  }
  function pattern(ws) {
    var parts = ws.map(function (w) {
      return Array.from(w).map(function (c) { return c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); })
        .join("[\u3041-\u309f]{0,2}");
    });
    return new RegExp(parts.join("|"), "i");
  }
  function highlight(el, text, re) {
    var m = re.exec(text);
    if (!m) { el.textContent = text; return false; }
    var start = Math.max(0, m.index - 40);
    el.textContent = (start ? "…" : "") + text.slice(start, m.index);
    var mark = document.createElement("mark"); mark.textContent = m[0]; el.appendChild(mark);
    el.appendChild(document.createTextNode(text.slice(m.index + m[0].length, m.index + m[0].length + 60) + "…"));
    return true;
  }
  function betterSnippet(el, url, re) {
    if (location.protocol === "file:") return;
    fetch(url).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var main = doc.querySelector("article") || doc.body;
      main.querySelectorAll(".pb-meta, .pb-backlinks, nav, script").forEach(function (n) { n.remove(); });
      highlight(el, main.textContent.replace(/\s+/g, " "), re);
    }).catch(function () { /* keep the short snippet */ });
  }
  function render(query, results, direct) {
    var list = document.getElementById("pb-search-results"), status = document.getElementById("pb-search-status");
    list.textContent = "";
    var re = pattern(words(query));
    function item(url, title, detail, lead, fetchSnippet) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = root + url; a.textContent = title; li.appendChild(a);
      if (detail) { var d = document.createElement("span"); d.className = "pb-search-detail"; d.textContent = detail; li.appendChild(d); }
      var p = document.createElement("p"); p.className = "pb-search-snippet"; highlight(p, lead || "", re); li.appendChild(p);
      if (fetchSnippet) betterSnippet(p, a.href, re);
      list.appendChild(li);
    }
    if (direct) item(direct.url, direct.title, "条文へ移動", "", false);
    results.slice(0, 30).forEach(function (id, i) {
      var page = meta.pages[id], chunk = leads[Math.floor(id / meta.leadChunk)];
      var lead = chunk ? chunk[id % meta.leadChunk] : "";
      item(page[0], page[1], page[2] + (page[3] ? "・" + page[3] : ""), lead, i < 8);
    });
    var count = results.length + (direct ? 1 : 0);
    status.textContent = count ? "「" + query + "」の検索結果：" + count + "件" : "「" + query + "」に一致するページはありませんでした。言葉を短くするか、別の言い方で探してください。";
  }
  function run(query, kind, role) {
    if (!query.trim()) return Promise.resolve();
    document.getElementById("pb-search-status").textContent = "検索しています…";
    return load("meta.js", "meta").then(function () {
      var ws = words(query), needed = {};
      ws.forEach(function (w) { tokens(w, true).forEach(function (t) { needed[shardOf(t)] = true; }); });
      return Promise.all(Object.keys(needed).map(function (n) {
        return load("shard-" + ("00" + n).slice(-3) + ".js", Number(n));
      })).then(function () {
        var results = score(ws, kind, role), chunks = {};
        results.slice(0, 10).forEach(function (id) { chunks[Math.floor(id / meta.leadChunk)] = true; });
        // short leads for the first results only; the rest show a snippet fetched from the page
        return Promise.all(Object.keys(chunks).map(function (c) {
          return load("lead-" + ("00" + c).slice(-3) + ".js", "lead" + c);
        })).then(function () { render(query, results, citation(query)); });
      });
    });
  }
  function start() {
    var form = document.querySelector(".pb-search-form"), params = new URLSearchParams(location.search);
    var q = document.getElementById("pb-search-q"), kind = document.getElementById("pb-search-kind"),
        role = document.getElementById("pb-search-role");
    q.value = params.get("q") || ""; kind.value = params.get("kind") || ""; role.value = params.get("role") || "";
    function go() {
      var url = new URL(location.href);
      url.searchParams.set("q", q.value);
      ["kind", "role"].forEach(function (k) {
        var v = (k === "kind" ? kind : role).value;
        if (v) url.searchParams.set(k, v); else url.searchParams.delete(k);
      });
      history.replaceState(null, "", url);
      window.pbSearchDone = run(q.value, kind.value, role.value);
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); go(); });
    kind.addEventListener("change", go); role.addEventListener("change", go);
    q.focus();
    if (q.value) go();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
