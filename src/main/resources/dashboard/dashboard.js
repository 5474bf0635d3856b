// The analysts' dashboard: reads the statistics API with a pasted token and draws its tables.
// A suppressed value is drawn as an empty bar labelled "suppressed", never as zero.
'use strict';

(function () {
  const COLUMNS = ['quizAttempts', 'lessonCompletions', 'pollResponses', 'lessonFeedback', 'childrenReached'];
  const LABELS = {
    quizAttempts: 'Quiz attempts', lessonCompletions: 'Lesson completions',
    pollResponses: 'Poll responses', lessonFeedback: 'Lesson feedback',
    childrenReached: 'Children reached in class'
  };
  const charts = {};
  const form = document.getElementById('query');
  const tokenField = document.getElementById('token');
  const countryField = document.getElementById('country');
  const yearField = document.getElementById('year');
  const pollField = document.getElementById('poll');
  const status = document.getElementById('status');
  const download = document.getElementById('download');

  yearField.value = new Date().getUTCFullYear();

  function say(message, isError) {
    status.textContent = message;
    status.className = isError ? 'error' : '';
  }

  function token() {
    return tokenField.value.trim();
  }

  /** The countries in the token, read (not verified: the API does that) to fill the list. */
  function countriesOf(jwt) {
    try {
      const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const claims = JSON.parse(atob(payload + '==='.slice((payload.length + 3) % 4)));
      return Array.isArray(claims.countries) ? claims.countries : [];
    } catch (e) {
      return [];
    }
  }

  async function api(path, accept) {
    const response = await fetch(path, {
      headers: { Authorization: 'Bearer ' + token(), Accept: accept || 'application/json' }
    });
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try {
        const problem = await response.json();
        detail = problem.title + ': ' + (problem.detail || '') +
          (problem.errors ? ' ' + problem.errors.map(e => e.field + ' ' + e.message).join('; ') : '');
      } catch (e) { /* not a problem document */ }
      throw new Error(detail);
    }
    return accept === 'text/csv' ? response.text() : response.json();
  }

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    }
    return charts[id];
  }

  /** A bar of a series: its value, or an empty bar labelled "suppressed". */
  function bar(value, horizontal) {
    if (value === null || value === undefined) {
      return {
        value: 0, suppressed: true,
        label: { show: true, formatter: 'suppressed', rotate: horizontal ? 0 : 90, align: 'left', color: '#6b7385' }
      };
    }
    return { value: value, suppressed: false };
  }

  function bars(id, categories, series, horizontal) {
    const categoryAxis = { type: 'category', data: categories, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } };
    const valueAxis = { type: 'value', minInterval: 1 };
    chart(id).setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: horizontal ? 90 : 50, right: 20, top: 40, bottom: 60 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series.map(s => ({
        name: s.name, type: 'bar', data: s.values.map(value => bar(value, horizontal)),
        label: { show: true, position: horizontal ? 'right' : 'top' }
      }))
    }, true);
  }

  function seriesOf(rows, columns) {
    return columns.map(column => ({ name: LABELS[column] || column, values: rows.map(row => row.values[column]) }));
  }

  function period() {
    const year = yearField.value;
    return 'country=' + encodeURIComponent(countryField.value) + '&from=' + year + '-01-01&to=' + year + '-12-31';
  }

  async function showParticipation() {
    const monthly = await api('/v1/statistics/participation?' + period() + '&granularity=month');
    const months = monthly.rows.filter(row => row.total);
    bars('over-time', months.map(row => row.period), seriesOf(months, COLUMNS));

    const byAge = await api('/v1/statistics/participation?' + period() + '&granularity=year&groupBy=ageBand');
    const ages = byAge.rows.filter(row => !row.total);
    bars('by-age-band', ages.map(row => row.group.ageBand), seriesOf(ages, COLUMNS));

    // Regions where everything is suppressed are left out of the chart and counted in its note.
    const byRegion = await api('/v1/statistics/participation?' + period() + '&granularity=year&groupBy=region');
    const all = byRegion.rows.filter(row => !row.total);
    const regions = all.filter(row => COLUMNS.some(column => row.values[column] !== null));
    bars('by-region', regions.map(row => row.group.region), seriesOf(regions, ['quizAttempts', 'pollResponses']), true);
    document.getElementById('by-region-note').textContent = (all.length - regions.length) + ' of ' + all.length +
      ' regions have every count suppressed and are not drawn.';
    return monthly.metadata;
  }

  async function showPoll() {
    const holder = document.getElementById('poll-results');
    holder.replaceChildren();
    if (!pollField.value) {
      return;
    }
    const id = encodeURIComponent(pollField.value);
    const table = await api('/v1/statistics/polls/' + id + '?country=' + encodeURIComponent(countryField.value));
    const poll = await api('/v1/polls/' + id);
    const texts = {};
    poll.questions.forEach(question => {
      texts[question.key] = { prompt: question.prompt, options: {} };
      (question.options || []).forEach(option => { texts[question.key].options[option.key] = option.text; });
    });
    const questions = [...new Set(table.rows.filter(row => row.question && row.option).map(row => row.question))];
    questions.forEach((question, index) => {
      const options = table.rows.filter(row => row.question === question && row.option && row.total);
      const title = document.createElement('h3');
      title.textContent = texts[question] ? texts[question].prompt : question;
      const div = document.createElement('div');
      div.id = 'poll-question-' + index;
      div.className = 'chart poll-question';
      div.dataset.question = question;
      holder.append(title, div);
      const label = row => (texts[question] && texts[question].options[row.option]) || row.option;
      bars(div.id, options.map(label), [{ name: 'Children who chose it', values: options.map(row => row.count) }]);
    });
  }

  async function fillPolls() {
    if (!countryField.value) {
      return;
    }
    const polls = await api('/v1/polls?country=' + encodeURIComponent(countryField.value) + '&size=100');
    const chosen = pollField.value;
    pollField.replaceChildren(...polls.items.map(poll => new Option(poll.title + ' (' + poll.id + ')', poll.id)));
    if (chosen && polls.items.some(poll => poll.id === chosen)) {
      pollField.value = chosen;
    }
  }

  tokenField.addEventListener('change', () => {
    const countries = countriesOf(token());
    const current = countryField.value;
    countryField.replaceChildren(...countries.map(code => new Option(code, code)));
    if (countries.includes(current)) {
      countryField.value = current;
    }
    fillPolls().catch(error => say(error.message, true));
  });

  countryField.addEventListener('change', () => fillPolls().catch(error => say(error.message, true)));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!token()) {
      say('Paste an analyst token first.', true);
      return;
    }
    if (!countryField.value) {
      tokenField.dispatchEvent(new Event('change'));
    }
    say('Loading…');
    try {
      await fillPolls();
      const metadata = await showParticipation();
      await showPoll();
      download.disabled = false;
      say('Showing ' + metadata.country + ', ' + metadata.from + ' to ' + metadata.to + ' (k = ' + metadata.k + ', ' +
        metadata.suppressedCells + ' values suppressed by month, content version ' + metadata.contentVersion + ').');
      document.body.dataset.loaded = 'true';
    } catch (error) {
      say(error.message, true);
    }
  });

  download.addEventListener('click', async () => {
    try {
      const csv = await api('/v1/statistics/participation?' + period() + '&granularity=month&groupBy=region,ageBand',
        'text/csv');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = 'participation-' + countryField.value + '-' + yearField.value + '.csv';
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      say(error.message, true);
    }
  });
})();
