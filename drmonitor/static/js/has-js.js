// Marks the page as scripted before it is drawn, so styles for scripted widgets (the menu
// button, live search) apply from the first paint. A file, not an inline script: the
// Content-Security-Policy allows only the site's own script files.
document.documentElement.classList.add("js");
