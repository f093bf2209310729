// A report form of an emailed link (/api/links/{token}): its file goes up with a progress bar, then the page shows
// what the server answered, as the plain form post would (which is what happens without this script).

function enhance() {
  const form = document.querySelector('form[enctype="multipart/form-data"]');
  const bar = form?.querySelector('progress');
  if (!form || !bar) {
    return;
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    const sending = new XMLHttpRequest();
    sending.open('POST', location.pathname);
    sending.setRequestHeader('Accept', 'text/html');
    sending.upload.addEventListener('progress', progress => {
      if (progress.lengthComputable) {
        bar.hidden = false;
        bar.value = Math.round(100 * progress.loaded / progress.total);
      }
    });
    sending.addEventListener('load', () => {
      bar.value = 100;
      const answer = new DOMParser().parseFromString(sending.responseText, 'text/html');
      document.title = answer.title;
      document.body.replaceWith(document.adoptNode(answer.body));
      enhance(); // a refused form comes back to be sent again
    });
    sending.addEventListener('error', () => {
      button.disabled = false;
      bar.hidden = true;
    });
    sending.send(new FormData(form));
  });
}

enhance();
