/* Filters and search in plain ES5: no library, no network.  With JS off every row stays visible. */
(function () {
  /* new / dropped findings: show only the confident tier when asked (the others stay in the page) */
  var onlyhigh = document.getElementById && document.getElementById("onlyhigh");
  if (onlyhigh && document.querySelectorAll) {
    onlyhigh.onchange = function () {
      var items = document.querySelectorAll("li.finding[data-confidence=check]");
      for (var i = 0; i < items.length; i++) {
        items[i].className = items[i].className.replace(/ ?hidden/g, "") + (onlyhigh.checked ? " hidden" : "");
      }
    };
  }
})();
(function () {
  var form = document.getElementById("filters");
  if (!form || !document.querySelectorAll) { return; }
  var rows = document.querySelectorAll("tr.row");
  var bodies = document.querySelectorAll("tbody.sec");
  var boxes = form.querySelectorAll("input[name=type]");
  var section = document.getElementById("section");
  var onlydiff = document.getElementById("onlydiff");
  var q = document.getElementById("q");
  var shown = document.getElementById("shown");
  var texts = [];
  for (var i = 0; i < rows.length; i++) { texts.push((rows[i].textContent || "").toLowerCase()); }

  function apply() {
    var wanted = {}, anyUnchecked = false;
    for (var i = 0; i < boxes.length; i++) {
      wanted[boxes[i].value] = boxes[i].checked;
      if (!boxes[i].checked) { anyUnchecked = true; }
    }
    var sec = section.value, diff = onlydiff.checked, needle = (q.value || "").toLowerCase(), n = 0;
    for (var r = 0; r < rows.length; r++) {
      var row = rows[r], ok = true;
      var types = row.getAttribute("data-types");
      if (anyUnchecked && types) {
        var list = types.split(" "), hit = false;
        for (var k = 0; k < list.length; k++) { if (wanted[list[k]]) { hit = true; } }
        ok = hit;
      }
      if (ok && sec && row.getAttribute("data-section") !== sec) { ok = false; }
      if (ok && diff && row.getAttribute("data-status") === "matched" && !types) { ok = false; }
      if (ok && needle && texts[r].indexOf(needle) < 0) { ok = false; }
      row.className = row.className.replace(/ ?hidden/g, "") + (ok ? "" : " hidden");
      if (ok) { n++; }
    }
    for (var b = 0; b < bodies.length; b++) {
      var visible = bodies[b].querySelectorAll("tr.row:not(.hidden)").length;
      bodies[b].className = bodies[b].className.replace(/ ?hidden/g, "") + (visible ? "" : " hidden");
    }
    shown.textContent = n;
  }
  form.onchange = apply;
  q.oninput = apply;
  q.onkeyup = apply;
})();
