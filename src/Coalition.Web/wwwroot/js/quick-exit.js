// "Leave this page" on the Legal Aid pages. Without this script the button is an ordinary link to a neutral site.
// With it, the current history entry is replaced, so that Back does not return here, and Esc pressed three times
// (within three seconds) does the same from anywhere on the page.
(function () {
    'use strict';
    var link = document.querySelector('[data-quick-exit]');
    if (!link) {
        return;
    }

    var target = link.href;
    var leave = function (event) {
        if (event) {
            event.preventDefault();
        }

        document.title = '';
        document.body.textContent = '';
        window.location.replace(target);
    };

    link.addEventListener('click', leave);

    var hint = document.querySelector('[data-quick-exit-hint]');
    if (hint) {
        hint.hidden = false;
    }

    var presses = [];
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape' && event.key !== 'Esc') {
            return;
        }

        var now = Date.now();
        presses = presses.filter(function (t) { return now - t < 3000; });
        presses.push(now);
        if (presses.length >= 3) {
            leave(event);
        }
    });
}());
