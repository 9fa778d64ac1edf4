// Sends the CSRF token with every htmx request. The pages' polls (data-poll: the bell, the board,
// the request clock) run only while the tab is visible, and say they are polls, so that a tab left
// open neither costs the server a request a minute nor keeps its session from ending when idle.
// (htmx's trigger filters, [document.visibilityState === 'visible'], need eval, which the CSP forbids.)
document.addEventListener('htmx:configRequest', function (event) {
  var poll = event.detail.elt && event.detail.elt.hasAttribute && event.detail.elt.hasAttribute('data-poll');
  if (poll && document.visibilityState === 'hidden') {
    event.preventDefault();
    return;
  }
  if (poll) {
    event.detail.headers['X-Baton-Poll'] = 'true';
  }
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// The assign form: the reason box shows when the chosen SA is not the top recommendation, and
// choosing a recommendation fills the SA and its rank. Without script the box is always shown.
(function () {
  function topRecommendation() {
    var top = document.querySelector('[data-recommendation-rank="1"][data-person-id]');
    return top ? top.getAttribute('data-person-id') : null;
  }

  function rankOf(personId) {
    var item = document.querySelector('[data-recommendation-rank][data-person-id="' + personId + '"]');
    return item ? item.getAttribute('data-recommendation-rank') : '';
  }

  function update(form) {
    var select = form.querySelector('select[name="assigneeId"]');
    var rank = form.querySelector('input[name="recommendationRank"]');
    var reason = form.querySelector('[data-rank-reason]');
    if (!select || !reason) {
      return;
    }
    var top = topRecommendation();
    if (rank) {
      rank.value = select.value ? rankOf(select.value) : '';
    }
    reason.hidden = top !== null && select.value === top;
  }

  function forms() {
    return document.querySelectorAll('form[data-assign-form]');
  }

  document.addEventListener('change', function (event) {
    var form = event.target.closest && event.target.closest('form[data-assign-form]');
    if (form) {
      update(form);
    }
  });

  document.addEventListener('click', function (event) {
    var choice = event.target.closest && event.target.closest('[data-choose-person]');
    if (!choice) {
      return;
    }
    event.preventDefault();
    forms().forEach(function (form) {
      var select = form.querySelector('select[name="assigneeId"]');
      if (select) {
        select.value = choice.getAttribute('data-choose-person');
        update(form);
        select.focus();
      }
    });
  });

  function all() {
    forms().forEach(update);
  }

  document.addEventListener('DOMContentLoaded', all);
  document.addEventListener('htmx:afterSettle', all);
})();

// Forms marked data-confirm ask before they are sent (cancelling, accepting a quote).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
