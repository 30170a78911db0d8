// One coach reply read by a real third-party SSE client, as the mobile app reads it.
//
//   node tests/js/client.mjs <kind> <base_url> <token> <session_id> <content> <seconds_to_stay_open>
//        [<proxy_url>] [--close-on-terminal] [--reopen-on-error] [--progress-file <path>]
//
// kind: `react-native-sse` (1.2, over the `xmlhttprequest` polyfill, default options: the default
// pollingInterval of 5000 ms re-sends the request after every close) or `eventsource` (4.x,
// default options, POSTing through a custom fetch; reconnects after ~3 s with Last-Event-ID).
//
// The client POSTs {"content": <content>} to <proxy_url or base_url>/sessions/<id>/messages and is
// left open for <seconds_to_stay_open> seconds whatever arrives (an app that never closes it: the
// library's own reconnects and re-sends happen), then closed. With --close-on-terminal it closes
// on the first `done` or `interrupted` event instead (the recommended recipe) and exits then;
// the seconds are only an upper bound. --reopen-on-error (react-native-sse only) makes the app
// call `open()` again 1 s after a network error: react-native-sse re-sends after every answer,
// but never after a failed or broken connection (xhr status 0; upstream calls that intended,
// binaryminds/react-native-sse#37), and `open()` sends the Last-Event-ID it has. Together the
// two flags are the recipe the app should follow. --progress-file appends one JSON line per event, open and
// error as they happen, so a test can act mid-stream (cut the connection after two tokens).
//
// Prints ONE JSON object on stdout:
//   {"kind", "events": [{"type", "id", "data", "t"}], "opens": N, "errors": [{...}],
//    "lifecycle": [{"what": "open"|"error"|"close", "t", ...}], "tokens": "<concatenated token
//    contents>", "terminal": "done"|"interrupted"|null (the last terminal event seen)}
// `t` is seconds since start. `data` is the parsed JSON when it parses, else the raw string.
// Exit status 0 whatever the server did (the test judges the record); 2 for bad arguments.

import { appendFileSync } from 'node:fs';

const CUSTOM_EVENTS = ['start', 'token', 'done', 'interrupted'];
const TERMINAL = new Set(['done', 'interrupted']);

function usage(message) {
  process.stderr.write(`client.mjs: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const flags = { closeOnTerminal: false, reopenOnError: false, progressFile: null };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--close-on-terminal') flags.closeOnTerminal = true;
    else if (argv[i] === '--reopen-on-error') flags.reopenOnError = true;
    else if (argv[i] === '--progress-file') flags.progressFile = argv[++i];
    else positional.push(argv[i]);
  }
  if (positional.length < 6 || positional.length > 7) usage('expected 6 or 7 positional arguments');
  const [kind, baseUrl, token, sessionId, content, seconds, proxyUrl] = positional;
  if (!['react-native-sse', 'eventsource'].includes(kind)) usage(`unknown kind ${kind}`);
  const stayOpen = Number(seconds);
  if (!Number.isFinite(stayOpen) || stayOpen < 0) usage(`bad seconds ${seconds}`);
  const origin = (proxyUrl || baseUrl).replace(/\/+$/, '');
  return { kind, token, content, stayOpen, url: `${origin}/sessions/${sessionId}/messages`, ...flags };
}

const args = parseArgs(process.argv.slice(2));
const started = performance.now();
const seconds = () => Math.round(performance.now() - started) / 1000;

const record = { kind: args.kind, events: [], opens: 0, errors: [], lifecycle: [], tokens: '', terminal: null };
let client = null;
let finished = false;

function progress(entry) {
  if (args.progressFile) appendFileSync(args.progressFile, `${JSON.stringify(entry)}\n`);
}

function parseData(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function onServerEvent(type, id, raw) {
  const data = parseData(raw);
  const entry = { type, id: id === undefined || id === '' ? null : id, data, t: seconds() };
  record.events.push(entry);
  if (type === 'token' && data && typeof data.content === 'string') record.tokens += data.content;
  if (TERMINAL.has(type)) record.terminal = type;
  progress({ what: 'event', ...entry });
  if (args.closeOnTerminal && TERMINAL.has(type)) finish();
}

function onOpen() {
  record.opens += 1;
  const entry = { what: 'open', t: seconds() };
  record.lifecycle.push(entry);
  progress(entry);
}

function onError(details) {
  const entry = { what: 'error', t: seconds(), ...details };
  record.errors.push(entry);
  record.lifecycle.push(entry);
  progress(entry);
}

async function openReactNativeSse() {
  // react-native-sse uses the global XMLHttpRequest, as in React Native. `xmlhttprequest` 1.8
  // streams under Node (xhr2 and xmlhttprequest-ssl buffer the whole response) but sets its
  // readyState constants on instances only; react-native-sse reads XMLHttpRequest.DONE/LOADING.
  const { default: xhr } = await import('xmlhttprequest');
  const { XMLHttpRequest } = xhr;
  Object.assign(XMLHttpRequest, { UNSENT: 0, OPENED: 1, HEADERS_RECEIVED: 2, LOADING: 3, DONE: 4 });
  globalThis.XMLHttpRequest = XMLHttpRequest;
  const module = await import('react-native-sse');
  // Its index.js is CommonJS requiring an ES module: the class is one `default` further down.
  const EventSource = module.default.default ?? module.default;

  const source = new EventSource(args.url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${args.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ content: args.content }),
  });
  source.addEventListener('open', onOpen);
  source.addEventListener('close', () => {
    const entry = { what: 'close', t: seconds() };
    record.lifecycle.push(entry);
    progress(entry);
  });
  for (const type of [...CUSTOM_EVENTS, 'message']) {
    source.addEventListener(type, (event) => onServerEvent(type, event.lastEventId, event.data));
  }
  // The same listener gets the server's `event: error` (it has data) and transport errors.
  source.addEventListener('error', (event) => {
    if (typeof event.data === 'string') onServerEvent('error', event.lastEventId, event.data);
    else {
      onError({
        type: event.type,
        message: typeof event.message === 'string' ? event.message.split('\n')[0] : event.message ?? null,
        status: event.xhrStatus ?? null,
      });
      if (args.reopenOnError && event.xhrStatus === 0) {
        // Reopening re-sends the POST with the Last-Event-ID it has seen (none before the first id).
        setTimeout(() => {
          if (!finished && source.status !== source.CLOSED) source.open();
        }, 1000);
      }
    }
  });
  return source;
}

async function openEventsource() {
  const { EventSource } = await import('eventsource');
  const body = JSON.stringify({ content: args.content });
  const source = new EventSource(args.url, {
    // The library sends GET; the app POSTs the message, with its own headers, through this
    // fetch. The library's own headers (Accept, Last-Event-ID on a reconnect) are kept.
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        method: 'POST',
        body,
        headers: {
          ...init.headers,
          Authorization: `Bearer ${args.token}`,
          'Content-Type': 'application/json',
        },
      }),
  });
  source.addEventListener('open', onOpen);
  for (const type of [...CUSTOM_EVENTS, 'message']) {
    source.addEventListener(type, (event) => onServerEvent(type, event.lastEventId, event.data));
  }
  // A server `event: error` (a MessageEvent, with data) reaches the same listener as the
  // library's own ErrorEvent (a failed or closed connection, a non-200 answer, a 204).
  source.addEventListener('error', (event) => {
    if (typeof event.data === 'string') onServerEvent('error', event.lastEventId, event.data);
    else onError({ type: 'error', message: event.message ?? null, status: event.code ?? null });
  });
  return source;
}

function finish() {
  if (finished) return;
  finished = true;
  if (client) client.close();
  process.stdout.write(`${JSON.stringify(record)}\n`, () => process.exit(0));
}

client = args.kind === 'react-native-sse' ? await openReactNativeSse() : await openEventsource();
setTimeout(finish, args.stayOpen * 1000);
