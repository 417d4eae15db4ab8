// The floor of a <paywall-gate>, for the time-to-gate bench: one access-check request (the same
// simple CORS POST the SDK sends), then one form with an email field, drawn with plain DOM.
(() => {
  const api = document.currentScript.dataset.apiBase;
  for (const gate of document.querySelectorAll('paywall-gate')) {
    const path = `/v2/public/pages/${gate.getAttribute('handle')}/${gate.getAttribute('page')}/access-check`;
    fetch(api + path, { method: 'POST', credentials: 'include', headers: { accept: 'application/json' } })
      .then((response) => response.json())
      .then(({ hasAccess, page }) => {
        const root = gate.attachShadow({ mode: 'open' });
        if (hasAccess) return void (root.innerHTML = '<slot></slot>');
        const price = page.price
          ? new Intl.NumberFormat(undefined, { style: 'currency', currency: page.currency }).format(page.price / 100)
          : '';
        root.innerHTML = `<section><h2></h2><p></p><form>
          <label for="email">Email address</label>
          <input id="email" name="email" type="email" autocomplete="email" required>
          <button type="submit"></button></form></section>`;
        root.querySelector('h2').textContent = page.title;
        root.querySelector('p').textContent = price;
        root.querySelector('button').textContent = price ? `Buy for ${price}` : 'Email me a sign-in link';
        root.querySelector('form').addEventListener('submit', (event) => event.preventDefault());
      });
  }
})();
