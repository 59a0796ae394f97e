// The handover screen: a signature pad drawn with a finger, a stylus or
// a mouse (pointer events), posted as a PNG data URL in the hidden field
// "signature", and the proof panes, one shown at a time. Without
// JavaScript every pane shows and the signature cannot be given; the
// code and the list's photo still work.
(function () {
  "use strict";
  var pad = document.getElementById("signature-pad");
  var field = document.getElementById("signature");
  if (pad && field && pad.getContext) {
    var ctx = pad.getContext("2d");
    var drawing = false;
    var inked = false;
    var ink = function () {
      ctx.lineWidth = 4;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.strokeStyle = "#10243e";
    };
    var at = function (e) {
      var r = pad.getBoundingClientRect();
      return { x: (e.clientX - r.left) * pad.width / r.width, y: (e.clientY - r.top) * pad.height / r.height };
    };
    var end = function () {
      if (!drawing) {
        return;
      }
      drawing = false;
      if (inked) {
        field.value = pad.toDataURL("image/png");
      }
    };
    ink();
    pad.addEventListener("pointerdown", function (e) {
      drawing = true;
      if (pad.setPointerCapture) {
        pad.setPointerCapture(e.pointerId);
      }
      var p = at(e);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      e.preventDefault();
    });
    pad.addEventListener("pointermove", function (e) {
      if (!drawing) {
        return;
      }
      var p = at(e);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      inked = true;
      e.preventDefault();
    });
    pad.addEventListener("pointerup", end);
    pad.addEventListener("pointercancel", end);
    pad.addEventListener("pointerleave", end);
    var clear = document.getElementById("signature-clear");
    if (clear) {
      clear.addEventListener("click", function () {
        ctx.clearRect(0, 0, pad.width, pad.height);
        field.value = "";
        inked = false;
        ink();
      });
    }
  }
  var choices = document.querySelectorAll('input[name="proof"]');
  var panes = document.querySelectorAll(".proof-pane");
  var show = function () {
    var chosen = "";
    for (var i = 0; i < choices.length; i++) {
      if (choices[i].checked) {
        chosen = choices[i].value;
      }
    }
    for (var j = 0; j < panes.length; j++) {
      panes[j].hidden = chosen !== "" && panes[j].getAttribute("data-proof") !== chosen;
    }
  };
  for (var k = 0; k < choices.length; k++) {
    choices[k].addEventListener("change", show);
  }
  show();
})();
