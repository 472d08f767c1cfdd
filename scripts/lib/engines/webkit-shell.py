#!/usr/bin/python3
# A minimal WebKitGTK browser for the WebKit suites, started by WebKitWebDriver
# (capability webkitgtk:browserOptions.binary).  It is the same engine as
# Debian's MiniBrowser (libwebkit2gtk-4.1, the engine code Safari shares), with
# three things MiniBrowser cannot give the tests:
#   - the engine's console messages (page errors, CSP and load failures, even
#     from pages opened from file:// where no collector can be injected) are
#     written to the file named by LIVERMETS_WEBKIT_CONSOLE: MiniBrowser ignores
#     its --enable-write-console-messages-to-stdout flag in --automation mode;
#   - the window is the web view alone (no toolbar), so a WebDriver window
#     size is the page's viewport (1024x1366 is an iPad's 1024x1366);
#   - on SIGUSR1 it prints the page to a PDF file on A4, in the folder
#     LIVERMETS_WEBKIT_PRINT_TO, through WebKit's own print path (print media,
#     @page), with no dialog: WebKit ignores window.print() in a web view
#     controlled by automation, so the test asks the shell instead.
# The profile (cache, service workers, storage) lives in LIVERMETS_WEBKIT_PROFILE,
# a fresh folder for each run.
import ctypes
import os
import signal
import sys

import gi
gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

console = os.environ.get('LIVERMETS_WEBKIT_CONSOLE')
if console:
    # the web processes inherit these descriptors and write their console here
    fd = os.open(console, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
# ends with WebKitWebDriver, even when that is killed (PR_SET_PDEATHSIG = 1)
ctypes.CDLL(None).prctl(1, signal.SIGTERM)
profile = os.environ['LIVERMETS_WEBKIT_PROFILE']
print_to = os.environ.get('LIVERMETS_WEBKIT_PRINT_TO')

manager = WebKit2.WebsiteDataManager(base_data_directory=os.path.join(profile, 'data'),
                                     base_cache_directory=os.path.join(profile, 'cache'))
context = WebKit2.WebContext(website_data_manager=manager)
context.set_automation_allowed(True)
settings = WebKit2.Settings(enable_write_console_messages_to_stdout=True)
windows = []


def write(path, text):
    with open(path, 'w') as f:
        f.write(text)


def print_to_pdf():
    """Prints the current page to print-N.pdf (N counts the prints), on A4."""
    done = len([f for f in os.listdir(print_to) if f.endswith('.pdf')])
    target = os.path.join(print_to, 'print-%d.pdf' % (done + 1))
    options = Gtk.PrintSettings()
    options.set_printer('Print to File')
    options.set(Gtk.PRINT_SETTINGS_OUTPUT_FILE_FORMAT, 'pdf')
    options.set(Gtk.PRINT_SETTINGS_OUTPUT_URI, 'file://' + target + '.part')
    page_setup = Gtk.PageSetup()
    page_setup.set_paper_size(Gtk.PaperSize.new(Gtk.PAPER_NAME_A4))
    operation = WebKit2.PrintOperation.new(windows[-1].get_child())
    operation.set_print_settings(options)
    operation.set_page_setup(page_setup)
    # the test waits for the final name: renamed only once WebKit has finished
    operation.connect('finished', lambda _op: os.replace(target + '.part', target))
    operation.connect('failed', lambda _op, error: write(target + '.failed', error.message))
    operation.print_()
    return GLib.SOURCE_CONTINUE


def create_web_view(_session):
    view = WebKit2.WebView(web_context=context, settings=settings, is_controlled_by_automation=True)
    window = Gtk.Window()
    window.set_default_size(1024, 768)
    window.add(view)
    view.connect('close', lambda _v: window.destroy())
    window.show_all()
    windows.append(window)
    return view


def automation_started(_context, session):
    info = WebKit2.ApplicationInfo()
    info.set_name('livermets-webkit')
    info.set_version(WebKit2.get_major_version(), WebKit2.get_minor_version(), WebKit2.get_micro_version())
    session.set_application_info(info)
    session.connect('create-web-view', create_web_view)


if '--automation' not in sys.argv:
    sys.exit('webkit-shell: run by WebKitWebDriver only (--automation)')
context.connect('automation-started', automation_started)
if print_to:
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGUSR1, print_to_pdf)
write(os.path.join(profile, 'shell.pid'), str(os.getpid()))
Gtk.main()
