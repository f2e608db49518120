// The Align page: the heading lists show only the headings of the edition chosen on their side.
(function () {
  "use strict";
  document.querySelectorAll("select.heading-choice").forEach((select) => {
    const edition = document.getElementById(select.dataset.lang + "-edition");
    function filter() {
      select.querySelectorAll("option[data-edition]").forEach((o) => {
        o.hidden = o.dataset.edition !== edition.value;
        if (o.hidden && o.selected) select.value = "";
      });
    }
    edition.addEventListener("change", filter);
    filter();
  });
})();
