// A module script that runs, as the real popup's does: the floor of open → ready.
document.getElementById('query').dataset.ready = '1';
