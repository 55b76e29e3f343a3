// The browser half of a VOD upload: credentials from this server (VodGen.AspNetCore's endpoints), the file from the
// browser straight to VOD's storage with ali-oss, the credential renewed through the server when it expires.
'use strict';

const vodgen = {
  log: [],          // what the page reported, in order (tests read it)
  upload: null,     // { videoId, ticket, renewals, done, error, status }
};
window.vodgen = vodgen;

const $ = id => document.getElementById(id);

function report(text, isError) {
  vodgen.log.push(text);
  const item = document.createElement('li');
  item.textContent = text;
  if (isError) item.className = 'error';
  $('log').appendChild(item);
}

// POST JSON; a refusal throws with the problem details' title and detail.
async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body || {}),
  });
  const json = (response.headers.get('content-type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error(json && json.title ? `${json.title}: ${json.detail || ''}` : `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return json;
}

// An ali-oss client for one credential. Storage on an IP address (the local emulator) is addressed path-style.
function storageClient(grant) {
  const oss = grant.oss;
  return new OSS({
    endpoint: oss.endpoint,
    secure: oss.endpoint.startsWith('https:'),
    region: oss.region || undefined,
    bucket: oss.bucket,
    accessKeyId: oss.accessKeyId,
    accessKeySecret: oss.accessKeySecret,
    stsToken: oss.securityToken,
    sldEnable: !!oss.pathStyle,
    // Renewed ahead of expiry on long uploads, and again below when the storage says it expired anyway.
    refreshSTSToken: async () => {
      const fresh = await renew();
      return { accessKeyId: fresh.oss.accessKeyId, accessKeySecret: fresh.oss.accessKeySecret, stsToken: fresh.oss.securityToken };
    },
    refreshSTSTokenInterval: Math.max(60, (oss.expiresInSeconds || 3000) - 300) * 1000,
  });
}

async function renew() {
  const upload = vodgen.upload;
  const grant = await post('/vod/uploads/video/refresh', { videoId: upload.videoId, ticket: upload.ticket });
  upload.renewals++;
  report(`credential renewed through the server (renewal ${upload.renewals})`);
  return grant;
}

const expired = error => error && (error.code === 'InvalidAccessKeyId' || error.code === 'SecurityTokenExpired' || error.code === 'InvalidSecurityToken');

async function upload(file) {
  $('progress').value = 0;
  $('percent').textContent = '0 %';
  $('status').textContent = '';
  $('play').hidden = true;
  const grant = await post('/vod/uploads/video', { title: file.name, fileName: file.name, fileSize: file.size });
  vodgen.upload = { videoId: grant.videoId, ticket: grant.ticket, objectKey: grant.oss.objectKey, renewals: 0, done: false, error: null, status: null };
  report(`video ${grant.videoId} created; uploading ${file.size} bytes in 1 MiB parts`);

  let client = storageClient(grant);
  let checkpoint;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.multipartUpload(grant.oss.objectKey, file, {
        parallel: 3,
        partSize: 1024 * 1024,
        checkpoint,
        progress: (fraction, point) => {
          checkpoint = point;
          const percent = Math.floor(fraction * 100);
          $('progress').value = percent;
          $('percent').textContent = `${percent} %`;
        },
      });
      break;
    } catch (error) {
      if (!expired(error) || attempt > 10) throw error;
      const done = checkpoint ? checkpoint.doneParts.length : 0;
      report(`credential expired (${error.code}) after ${done} parts`);
      client = storageClient(await renew());
    }
  }

  $('progress').value = 100;
  $('percent').textContent = '100 %';
  vodgen.upload.done = true;
  report('upload complete');
  await watch(vodgen.upload.videoId);
}

// The server hears VOD's events; the page asks it how far the video is until it can be played.
async function watch(videoId) {
  for (let i = 0; i < 300; i++) {
    const response = await fetch(`/api/videos/${encodeURIComponent(videoId)}`, { credentials: 'same-origin' });
    const status = await response.json();
    vodgen.upload.status = status;
    $('status').textContent = `${status.status}: ${status.events.join(', ') || 'no event yet'}`;
    if (status.status === 'playable' && status.playUrl) {
      $('play-link').href = status.playUrl;
      $('play-link').textContent = 'Play ' + videoId;
      $('play').hidden = false;
      $('player').src = status.playUrl;
      $('player').hidden = false;
      report('playable');
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  report('no TranscodeComplete yet; try again later', true);
}

// A file made in the page (for trying without a video at hand): each byte a function of its offset.
function generatedFile(mebibytes) {
  const bytes = new Uint8Array(mebibytes * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 0xff;
  return new File([bytes], `generated-${mebibytes}mib.mp4`, { type: 'video/mp4' });
}

async function run(action) {
  try {
    await action();
  } catch (error) {
    if (vodgen.upload) vodgen.upload.error = error.message;
    report(error.message || String(error), true);
  }
}

// Both sections stay hidden until the server said who is signed in, so that nothing acts on a stale page.
async function showAccount() {
  const response = await fetch('/account/me', { credentials: 'same-origin' });
  const signedIn = response.ok;
  $('who').textContent = signedIn ? (await response.json()).user : '';
  $('signin').hidden = signedIn;
  $('upload').hidden = !signedIn;
  vodgen.account = signedIn ? $('who').textContent : '';
}

$('signin-button').addEventListener('click', () => run(async () => {
  await post('/account/signin', { user: $('user').value });
  await showAccount();
}));
$('signout-button').addEventListener('click', () => run(async () => {
  await post('/account/signout');
  await showAccount();
}));
$('upload-button').addEventListener('click', () => run(async () => {
  const file = $('file').files[0];
  if (!file) throw new Error('Pick a file first.');
  await upload(file);
}));
$('generate-button').addEventListener('click', () => run(() => upload(generatedFile(24))));
if (typeof OSS === 'undefined') {
  report('ali-oss is not installed (build the sample with npm available); uploads cannot start.', true);
}
vodgen.refresh = (videoId, ticket) => post('/vod/uploads/video/refresh', { videoId, ticket });
showAccount();
