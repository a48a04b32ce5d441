#!/usr/bin/python3
# Test-only RTSP server (gst-rtsp-server), an independent peer for client.ts tests.
# Usage: /usr/bin/python3 rtsp-server.py PORT h264|h265 none|basic|digest
# Serves rtsp://127.0.0.1:PORT/test (user "admin", password "s3cret" when auth is on), TCP and UDP.
# PORT 0 lets the kernel choose (no race with other processes for a port picked beforehand).
# Prints "ready PORT" once listening, or exits with status 2 when it cannot listen. H.264 is encoded with 4 slices per picture and
# config-interval=-1, the quirks the depacketizer must handle.
import sys
import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

port, codec, auth_kind = sys.argv[1], sys.argv[2], sys.argv[3]
Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
if codec == "h264":
    enc = ("x264enc tune=zerolatency sliced-threads=false speed-preset=ultrafast key-int-max=25 bframes=0 option-string=slices=4 "
           "! video/x-h264,profile=high ! rtph264pay name=pay0 pt=96 config-interval=-1")
else:
    enc = ("x265enc tune=zerolatency speed-preset=ultrafast key-int-max=25 "
           "! rtph265pay name=pay0 pt=96 config-interval=-1")
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch("( videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=240,framerate=25/1 ! "
                   + enc + " )")
factory.set_shared(True)
factory.set_protocols(GstRtsp.RTSPLowerTrans.TCP | GstRtsp.RTSPLowerTrans.UDP)

if auth_kind != "none":
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string("media.factory.role", "user")
    if auth_kind == "basic":
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic("admin", "s3cret"), token)
    else:
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
        auth.add_digest("admin", "s3cret", token)
    server.set_auth(auth)
    perms = GstRtspServer.RTSPPermissions()
    perms.add_permission_for_role("user", "media.factory.access", True)
    perms.add_permission_for_role("user", "media.factory.construct", True)
    factory.set_permissions(perms)

server.get_mount_points().add_factory("/test", factory)
if server.attach(None) == 0:
    print(f"cannot listen on 127.0.0.1:{port}", file=sys.stderr, flush=True)
    sys.exit(2)
print(f"ready {server.get_bound_port()}", flush=True)
GLib.MainLoop().run()
