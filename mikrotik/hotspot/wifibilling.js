/*
 * WifiBilling settings for the router's hotspot pages. Set portalUrl to the portal's buy page: the address
 * customers open, whose host is in the walled garden (portalHost in mikrotik-radius.rsc).
 */
var portalUrl = 'http://portal.example.com/';

/* Helpers shared by login.html, status.html and logout.html. Plain ES3 for old phone browsers. */
var wifiBilling = (function () {
  function portalOrigin() {
    var m = /^(https?:\/\/[^\/?#]+)/i.exec(portalUrl || '');
    return m ? m[1] : '';
  }

  // The portal's buy page with the router's values; query is already URL-escaped (the pages use $(name-esc)).
  function portalLink(query) {
    return portalUrl + (portalUrl.indexOf('?') < 0 ? '?' : '&') + query;
  }

  // Is the portal up AND reachable through the walled garden? Loads the portal's own /md5.js and checks that it
  // defined hexMD5. A mere "something answered" is not enough: without a walled-garden entry the router answers
  // in the portal's place with its login page, and redirecting there would loop.
  function probePortal(done, timeoutMs) {
    var origin = portalOrigin(), saved = window.hexMD5, finished = false, script, timer;
    if (!origin) {
      done(false);
      return;
    }
    function finish(up) {
      if (finished) {
        return;
      }
      finished = true;
      clearTimeout(timer);
      window.hexMD5 = saved;
      done(up);
    }
    window.hexMD5 = undefined;
    script = document.createElement('script');
    script.onload = function () { finish(typeof window.hexMD5 === 'function'); };
    script.onerror = function () { finish(false); };
    timer = setTimeout(function () { finish(false); }, timeoutMs || 5000);
    script.src = origin + '/md5.js?probe=' + new Date().getTime();
    document.getElementsByTagName('head')[0].appendChild(script);
  }

  // At most 3 automatic redirects a minute, so a portal that sends customers straight back cannot loop them.
  function mayRedirect() {
    try {
      var now = new Date().getTime(), recent = [], stored = (sessionStorage.getItem('wb-redirects') || '').split(','), i;
      for (i = 0; i < stored.length; i++) {
        if (stored[i] && now - stored[i] < 60000) {
          recent.push(stored[i]);
        }
      }
      if (recent.length >= 3) {
        return false;
      }
      recent.push(now);
      sessionStorage.setItem('wb-redirects', recent.join(','));
    } catch (e) {
      // No sessionStorage (private mode, very old browser): redirect anyway.
    }
    return true;
  }

  function show(id, visible) {
    var el = document.getElementById(id);
    if (el) {
      el.style.display = visible ? '' : 'none';
    }
    return el;
  }

  return { portalLink: portalLink, probePortal: probePortal, mayRedirect: mayRedirect, show: show };
})();
