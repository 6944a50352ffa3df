// The preview page's script (ankigen/preview.py inlines it in the page's <head>): the dark-mode and
// phone-width toggles; the frames, made from placeholders (those on screen first, the rest one by one in
// the background: hundreds of iframes in the page at once hold a browser up for many seconds) and sized to
// their content; and, with ?check=1, a record in the DOM of what each frame rendered (for the browser
// tests; it makes every frame at once).
(function () {
  var root = document.documentElement;
  var words = (location.search + "&" + location.hash.slice(1)).split(/[?&#,;]/);
  function flag(name) {
    for (var i = 0; i < words.length; i++) {
      var w = words[i].toLowerCase();
      if (w === name || w === name + "=1" || w === name + "=true" || w === name + "=yes") { return true; }
      if (w === name + "=0" || w === name + "=false" || w === name + "=no") { return false; }
    }
    return null;
  }
  var dark = flag("dark");
  if (dark === null) { dark = !!(window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches); }
  var phone = !!flag("phone");
  var check = !!flag("check");
  var eager = check || !!flag("all");
  root.classList.toggle("pv-dark", dark);
  root.classList.toggle("pv-phone", phone);
  var loaded = 0;

  function body(frame) {
    try { return frame.contentDocument && frame.contentDocument.body; } catch (e) { return null; }
  }
  function fit(frame) {
    var b = body(frame);
    if (!b || !frame.hasAttribute("srcdoc")) { return; }
    var h = Math.ceil(b.ownerDocument.documentElement.getBoundingClientRect().height);
    frame.style.height = Math.max(h, 40) + 2 + "px";
  }
  function paint(frame) {
    var b = body(frame);
    if (!b) { return; }
    b.classList.toggle("nightMode", dark);
    b.classList.toggle("night_mode", dark);
  }
  function record(frame) {
    var b = body(frame);
    if (!b || !frame.hasAttribute("srcdoc")) { return; }
    frame.setAttribute("data-rendered", b.innerText.replace(/\s+/g, " ").trim());
    frame.setAttribute("data-body-class", b.className);
    frame.setAttribute("data-background", getComputedStyle(b).backgroundColor);
    frame.setAttribute("data-width", String(b.ownerDocument.documentElement.clientWidth));
  }
  function frames() { return document.querySelectorAll("iframe.pv-frame"); }
  function each(fn) { var all = frames(); for (var i = 0; i < all.length; i++) { fn(all[i]); } }
  function load(slot) {  // a placeholder <div data-srcdoc> becomes the <iframe srcdoc> it describes
    if (slot.tagName === "IFRAME" || !slot.parentNode) { return null; }
    var frame = document.createElement("iframe");
    frame.className = slot.className;
    frame.title = slot.getAttribute("data-title") || "";
    frame.style.height = slot.style.height;
    frame.setAttribute("srcdoc", slot.getAttribute("data-srcdoc") || "");
    slot.parentNode.replaceChild(frame, slot);
    return frame;
  }
  document.addEventListener("load", function (ev) {
    var frame = ev.target;
    if (!frame || frame.tagName !== "IFRAME" || !frame.hasAttribute("srcdoc")) { return; }
    paint(frame);
    fit(frame);
    loaded += 1;
    root.setAttribute("data-loaded", String(loaded));
    if (check) { record(frame); }
  }, true);
  function state() {
    var parts = [];
    if (dark) { parts.push("dark"); }
    if (phone) { parts.push("phone"); }
    if (check) { parts.push("check"); } else if (eager) { parts.push("all"); }
    try { history.replaceState(null, "", location.pathname + (parts.length ? "#" + parts.join(",") : "")); }
    catch (e) {}
  }
  function fill() {  // the frames still waiting, one after another, so the page stays responsive
    var waiting = document.querySelector("div.pv-frame[data-srcdoc]");
    if (!waiting) { return; }
    if (observer) { observer.unobserve(waiting); }
    load(waiting).addEventListener("load", function () { setTimeout(fill, 0); }, { once: true });
  }
  var observer = null;
  document.addEventListener("DOMContentLoaded", function () {
    var d = document.getElementById("pv-dark"), p = document.getElementById("pv-phone");
    d.checked = dark;
    p.checked = phone;
    d.addEventListener("change", function () {
      dark = d.checked;
      root.classList.toggle("pv-dark", dark);
      each(function (f) { paint(f); if (check) { record(f); } });
      state();
    });
    p.addEventListener("change", function () {
      phone = p.checked;
      root.classList.toggle("pv-phone", phone);
      requestAnimationFrame(function () { each(function (f) { fit(f); if (check) { record(f); } }); });
      state();
    });
    var all = document.querySelectorAll("div.pv-frame[data-srcdoc]"), near = innerHeight + 1500;
    if (!eager && "IntersectionObserver" in window) {
      observer = new IntersectionObserver(function (entries) {
        for (var i = 0; i < entries.length; i++) {
          if (entries[i].isIntersecting) { observer.unobserve(entries[i].target); load(entries[i].target); }
        }
      }, { rootMargin: "1500px 0px" });
    }
    for (var i = 0; i < all.length; i++) {
      if (!observer || all[i].getBoundingClientRect().top < near) { load(all[i]); }
      else { observer.observe(all[i]); }
    }
    if (observer) { window.addEventListener("load", function () { setTimeout(fill, 300); }); }
  });
  var pending = 0;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () { each(fit); });
  });
})();
