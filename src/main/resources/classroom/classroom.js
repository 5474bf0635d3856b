// The teacher's projector page: starts or opens a session with a pasted teacher token, shows the
// join code, and draws the live totals as bars, read from the session's event stream with fetch
// (so that the token travels in a header, not in the URL).
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const status = $('status');
  let session = null;
  let module = null;
  let reader = null;

  function say(message, isError) {
    status.textContent = message;
    status.className = isError ? 'error' : '';
  }

  function headers(json) {
    const h = { Authorization: 'Bearer ' + $('token').value.trim(), Accept: 'application/json' };
    if (json) {
      h['Content-Type'] = 'application/json';
    }
    return h;
  }

  async function call(method, path, body) {
    const response = await fetch(path, { method, headers: headers(body !== undefined),
      body: body !== undefined ? JSON.stringify(body) : undefined });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(data.detail || data.title || ('HTTP ' + response.status));
    }
    return data;
  }

  async function loadModules() {
    const page = await call('GET', '/v1/classroom/modules?size=100&locale=' + encodeURIComponent($('locale').value));
    const select = $('module');
    select.textContent = '';
    for (const m of page.items) {
      const option = document.createElement('option');
      option.value = m.id;
      option.textContent = m.title + ' (' + m.ageBand + ', ' + m.totalMinutes + ' min)';
      option.dataset.ageBand = m.ageBand;
      select.appendChild(option);
    }
    return page.items;
  }

  function show(view) {
    session = view;
    $('live').hidden = false;
    $('code').textContent = view.joinCode;
    $('participants').textContent = view.participants;
    $('step').textContent = (view.stepIndex + 1) + ' / ' + view.totalSteps + ': ' + view.step.title;
    $('notes').textContent = view.step.facilitatorNotes || '';
  }

  function bar(name, count, max) {
    const row = document.createElement('div');
    row.className = 'bar';
    const label = document.createElement('span');
    label.className = 'name';
    label.textContent = name;
    const track = document.createElement('span');
    track.className = 'track';
    const fill = document.createElement('span');
    fill.className = 'fill';
    fill.style.display = 'block';
    fill.style.width = (max > 0 ? Math.round(100 * count / max) : 0) + '%';
    track.appendChild(fill);
    const value = document.createElement('span');
    value.className = 'count';
    value.textContent = count;
    row.append(label, track, value);
    return row;
  }

  function draw(results) {
    $('participants').textContent = results.participants;
    const target = $('results');
    target.textContent = '';
    for (const step of results.steps) {
      const heading = document.createElement('h2');
      heading.textContent = (step.kind === 'quiz' ? 'Quiz' : 'Poll') + ': ' + step.answered + ' answered';
      target.appendChild(heading);
      for (const q of step.questions) {
        const block = document.createElement('div');
        block.className = 'question';
        block.dataset.step = step.key;
        block.dataset.question = q.question;
        const title = document.createElement('h3');
        title.textContent = q.question + (q.correctShare !== null ? ' (' + q.correctShare + '% right)' : '');
        block.appendChild(title);
        if (q.options === null) {
          const wait = document.createElement('p');
          wait.className = 'waiting';
          wait.textContent = q.answered + ' answered; the answers show once ' + results.minimumAnswers + ' have answered.';
          block.appendChild(wait);
        } else {
          const max = Math.max(1, ...Object.values(q.options));
          for (const [option, count] of Object.entries(q.options)) {
            const row = bar(option, count, max);
            row.dataset.option = option;
            block.appendChild(row);
          }
        }
        target.appendChild(block);
      }
    }
    if (results.status !== 'active') {
      say('The class has ' + results.status + '.');
    }
  }

  /** Reads the event stream: "event:results" then "data:{...}" lines, events split by a blank line. */
  async function listen(id) {
    const response = await fetch('/v1/classroom/sessions/' + encodeURIComponent(id) + '/events',
      { headers: { Authorization: headers().Authorization, Accept: 'text/event-stream' } });
    if (!response.ok) {
      throw new Error('The live results could not be opened (HTTP ' + response.status + ')');
    }
    reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5)).join('\n');
        if (data) {
          draw(JSON.parse(data));
        }
      }
    }
  }

  async function open(view) {
    if (reader) {
      reader.cancel().catch(() => {});
      reader = null;
    }
    $('results').textContent = '';
    show(view);
    say('Live.');
    listen(view.id).catch((e) => say(e.message + ' Open the session again to reconnect.', true));
  }

  $('load').addEventListener('click', () => loadModules().then(() => say('Modules loaded.')).catch((e) => say(e.message, true)));

  $('setup').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const resume = $('resume').value.trim();
      if (resume) {
        await open(await call('GET', '/v1/classroom/sessions/' + encodeURIComponent(resume)));
        return;
      }
      if ($('module').options.length === 0) {
        await loadModules();
      }
      const chosen = $('module').selectedOptions[0];
      const body = { moduleId: chosen.value, locale: $('locale').value.trim(), ageBand: chosen.dataset.ageBand,
        country: $('country').value.trim().toUpperCase() };
      if ($('region').value.trim()) {
        body.region = $('region').value.trim().toUpperCase();
      }
      await open(await call('POST', '/v1/classroom/sessions', body));
    } catch (e) {
      say(e.message, true);
    }
  });

  function control(action) {
    if (!session) {
      say('Start or open a session first.', true);
      return;
    }
    call('POST', '/v1/classroom/sessions/' + encodeURIComponent(session.id) + '/' + action)
      .then(show)
      .catch((e) => say(e.message, true));
  }

  $('next').addEventListener('click', () => control('advance'));
  $('end').addEventListener('click', () => control('end'));
})();
