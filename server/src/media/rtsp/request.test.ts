import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRequest, describeRequest, getParameterRequest, optionsRequest, parseRtspUrl, playRequest, setupRequest, teardownRequest, transportHeader } from './request.ts';
import { parsePublicHeader, parseSessionHeader, parseTransportHeader } from './headers.ts';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const base = { url: 'rtsp://cam/s', cseq: 3, userAgent: 'T' };

describe('request builders', () => {
  const table = [
    { name: 'OPTIONS', bytes: optionsRequest(base), want: 'OPTIONS rtsp://cam/s RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\n\r\n' },
    { name: 'DESCRIBE with Authorization', bytes: describeRequest({ ...base, authorization: 'Basic YTpi' }), want: 'DESCRIBE rtsp://cam/s RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\nAuthorization: Basic YTpi\r\nAccept: application/sdp\r\n\r\n' },
    { name: 'SETUP TCP interleaved', bytes: setupRequest({ ...base, url: 'rtsp://cam/s/trackID=1', transport: { kind: 'tcp', rtpChannel: 2 } }), want: 'SETUP rtsp://cam/s/trackID=1 RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\nTransport: RTP/AVP/TCP;unicast;interleaved=2-3\r\n\r\n' },
    { name: 'SETUP UDP client ports with session', bytes: setupRequest({ ...base, session: 'ab12', transport: { kind: 'udp', rtpPort: 50000 } }), want: 'SETUP rtsp://cam/s RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\nSession: ab12\r\nTransport: RTP/AVP;unicast;client_port=50000-50001\r\n\r\n' },
    { name: 'PLAY', bytes: playRequest({ ...base, session: 'ab12' }), want: 'PLAY rtsp://cam/s RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\nSession: ab12\r\nRange: npt=0.000-\r\n\r\n' },
    { name: 'GET_PARAMETER', bytes: getParameterRequest({ ...base, session: 'ab12' }), want: 'GET_PARAMETER rtsp://cam/s RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\nSession: ab12\r\n\r\n' },
    { name: 'TEARDOWN', bytes: teardownRequest({ ...base, session: 'ab12' }), want: 'TEARDOWN rtsp://cam/s RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\nSession: ab12\r\n\r\n' },
    { name: 'body gets Content-Length in bytes', bytes: buildRequest({ ...base, method: 'SET_PARAMETER', body: 'é: 1\r\n' }), want: 'SET_PARAMETER rtsp://cam/s RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\nContent-Length: 7\r\n\r\né: 1\r\n' },
    { name: 'CR/LF in values cannot inject headers', bytes: optionsRequest({ ...base, session: 'x\r\nEvil: 1' }), want: 'OPTIONS rtsp://cam/s RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: T\r\nSession: x Evil: 1\r\n\r\n' },
  ];
  for (const c of table) test(c.name, () => assert.equal(text(c.bytes), c.want));

  test('transportHeader', () => {
    assert.equal(transportHeader({ kind: 'tcp', rtpChannel: 0 }), 'RTP/AVP/TCP;unicast;interleaved=0-1');
    assert.equal(transportHeader({ kind: 'udp', rtpPort: 6970 }), 'RTP/AVP;unicast;client_port=6970-6971');
  });
});

describe('parseRtspUrl', () => {
  const table = [
    { input: 'rtsp://admin:p%40ss@10.0.0.5/Streaming/Channels/101', out: { ok: true, value: { url: 'rtsp://10.0.0.5/Streaming/Channels/101', host: '10.0.0.5', port: 554, username: 'admin', password: 'p@ss' } } },
    { input: 'rtsp://cam:8554/live?ch=1', out: { ok: true, value: { url: 'rtsp://cam:8554/live?ch=1', host: 'cam', port: 8554, username: '', password: '' } } },
    { input: 'rtsp://u:100%@cam/x', out: { ok: true, value: { url: 'rtsp://cam/x', host: 'cam', port: 554, username: 'u', password: '100%' } } },
    { input: 'http://cam/x', out: { ok: false, error: 'unsupported-scheme' } },
    { input: 'not a url', out: { ok: false, error: 'invalid-url' } },
  ];
  for (const c of table) test(c.input, () => assert.deepEqual(parseRtspUrl(c.input), c.out));
});

describe('response headers', () => {
  const sessions = [
    { input: '12345678;timeout=60', out: { id: '12345678', timeoutSeconds: 60 } },
    { input: 'ABCD', out: { id: 'ABCD', timeoutSeconds: 60 } },
    { input: ' 77 ; Timeout = 30', out: { id: '77', timeoutSeconds: 30 } },
    { input: '1;timeout=0', out: { id: '1', timeoutSeconds: 5 } },
    { input: '', out: null },
  ];
  for (const c of sessions) test(`Session: ${c.input}`, () => assert.deepEqual(parseSessionHeader(c.input), c.out));

  const transports = [
    { input: 'RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=1A2B3C4D;mode="play"', out: { protocol: 'tcp', interleaved: [0, 1], serverPorts: null, clientPorts: null, ssrc: 0x1a2b3c4d, source: null } },
    { input: 'RTP/AVP;unicast;client_port=50000-50001;server_port=6970-6971;source=10.0.0.9', out: { protocol: 'udp', interleaved: null, serverPorts: [6970, 6971], clientPorts: [50000, 50001], ssrc: null, source: '10.0.0.9' } },
    { input: 'RTP/AVP/UDP;unicast;server_port=7000', out: { protocol: 'udp', interleaved: null, serverPorts: [7000, 7001], clientPorts: null, ssrc: null, source: null } },
    { input: 'RTP/AVP/TCP;interleaved=300-301', out: { protocol: 'tcp', interleaved: null, serverPorts: null, clientPorts: null, ssrc: null, source: null } },
  ];
  for (const c of transports) test(`Transport: ${c.input}`, () => assert.deepEqual(parseTransportHeader(c.input), c.out));

  test('Public', () => assert.deepEqual(parsePublicHeader('OPTIONS, DESCRIBE,SETUP, get_parameter,'), ['OPTIONS', 'DESCRIBE', 'SETUP', 'GET_PARAMETER']));
});
