// Tables with class "data" sort by a click on a column header (text, or numbers where both cells are numbers).
document.querySelectorAll('table.data').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, column) {
    var ascending = true;
    th.addEventListener('click', function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return ascending ? order : -order;
      });
      ascending = !ascending;
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});

// A search box with data-filters="TABLE-ID" hides the rows of that table that do not contain its text.
document.querySelectorAll('input[data-filters]').forEach(function (input) {
  var table = document.getElementById(input.getAttribute('data-filters'));
  input.addEventListener('input', function () {
    var text = input.value.trim().toLowerCase();
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      row.hidden = text !== '' && row.textContent.toLowerCase().indexOf(text) < 0;
    });
  });
});
