// The chat simulator: keep the latest message in view. The page works
// the same without it.
document.addEventListener("DOMContentLoaded", function () {
  var end = document.getElementById("transcript");
  if (end) {
    end.scrollTop = end.scrollHeight;
  }
});
