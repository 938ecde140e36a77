# Sourced by the benchmark scripts, from the top of the repository: sets the
# array bench_app to the command that runs BUILD_DIR's hub-analytics as a
# plain process, so that /usr/bin/time measures it and not bubblewrap. On a
# host with the GNOME 48 platform that is the program itself; on an older
# host, the program through the platform root's own loader, with the host's
# GIO modules (built for its older GLib) left out.
#
#   . build-aux/bench-app.sh BUILD_DIR

bench_app=("$(pwd)/$1/src/hub-analytics")
if ! pkg-config --atleast-version=2.84 glib-2.0 2>/dev/null; then
  bench_root=$(bash build-aux/sdk.sh --root)
  bench_app=("$bench_root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
             --library-path "$bench_root/usr/lib/x86_64-linux-gnu" "${bench_app[@]}")
  export GIO_MODULE_DIR=/nonexistent
fi
