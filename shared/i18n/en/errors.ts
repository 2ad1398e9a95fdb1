// English sentences for every error code in shared/contract/errors.ts: what happened, then what to do.
// Interpolated params come from the error's params ({{port}}, {{host}}, ...); errorCatalog checks
// at compile time that each sentence uses exactly its code's params.
import { errorCatalog } from '../error-key';

export const errors = errorCatalog({
  bad_input: 'The command "{{command}}" was refused because its input is not valid: {{issues}}.',
  unknown_command: 'There is no command called "{{name}}".',
  port_in_use:
    'Port {{port}} on {{host}} is already in use: another program (or another Wirebench server) is listening there. Stop it, or use a port that is free, such as {{suggestion}}.',
  port_in_use_no_suggestion:
    'Port {{port}} on {{host}} is already in use: another program (or another Wirebench server) is listening there. Stop it, or choose another port (0 lets the system pick a free one).',
  not_loopback:
    '{{host}} is reachable from other machines, so anyone on your network could talk to this server. Listen on 127.0.0.1 instead, or confirm that you want to expose it.',
  permission_denied:
    'Port {{port}} on {{host}} is below 1024, and only administrators may listen there. Choose a port of 1024 or more, such as 9000.',
  address_not_available:
    '{{host}} is not an address of this machine, so nothing can listen on it. Use 127.0.0.1 (this machine only).',
  conn_refused:
    'Connection refused: nothing is listening on {{host}} port {{port}}. Is the server running, and is the port right?',
  conn_timeout: 'No answer from {{host}} port {{port}} in time. The host may be down, or a firewall drops the packets.',
  host_not_found: 'The name "{{host}}" could not be resolved to an address. Check its spelling.',
  host_unreachable: 'There is no route to {{host}}: the network cannot reach it from here.',
  conn_reset: 'The peer reset connection {{connId}} (RST): it is gone, and nothing more can be sent or received.',
  broken_pipe: 'The peer has closed connection {{connId}}, so what we tried to send could not be delivered (EPIPE).',
  unknown_connection: 'There is no connection {{connId}} (it may have been closed and dropped from the journal).',
  unknown_server: 'There is no server {{serverId}} (it may have been stopped already).',
  not_writable:
    'Connection {{connId}} cannot send any more.',
  not_writable_fin_sent:
    'Connection {{connId}} cannot send any more: our FIN is out, and nothing may follow it (the peer may still send to us).',
  not_writable_reset:
    'Connection {{connId}} cannot send any more: it was reset (RST).',
  not_writable_closed:
    'Connection {{connId}} cannot send any more: it is closed.',
  too_many_files: 'Too many open files: the system ran out of file descriptors. Close some connections and try again.',
  os_error: 'The operating system refused "{{syscall}}" with {{errno}}.',
  settings_unwritable: 'Your settings could not be saved to {{file}} ({{code}}). Changes will be lost when Wirebench closes.',
  static_root_relative:
    'The document root “{{root}}” is a relative path, and the server would look for it in whatever folder Wirebench happens to run in. Give the whole path (for example /home/you/site), or choose the folder it is relative to.',
  static_root_missing:
    'The document root {{root}} cannot be served: it does not exist or is not a folder (the system said {{errno}}). Choose a folder that exists, or leave the root empty for the sample site.',
  path_not_allowed:
    'Wirebench serves files only from folders you allowed, and {{path}} is not in one. In the app, pick it with “Choose folder…” or “Choose file…”; with `wirebench web`, start it with --allow and its folder.',
  path_not_allowed_folder:
    'Wirebench serves files only from folders you allowed, and {{path}} is not in one. In the app, pick it with “Choose folder…”; with `wirebench web`, start it with --allow and that folder.',
  path_not_allowed_file:
    'Wirebench serves files only from folders you allowed, and {{path}} is not in one. In the app, pick it with “Choose file…”; with `wirebench web`, start it with --allow and the file’s folder.',
  no_dialog:
    'This page cannot open a file dialog: a browser page may serve only the folders named when `wirebench web` was started (--allow FOLDER).',
  shutting_down: 'Wirebench is closing, so "{{command}}" was not done.',
  timed_out: '"{{command}}" waited {{ms}} ms for something that did not happen, and gave up. Try again; if it keeps happening, the machine may be very busy.',
  session_unreadable: '{{file}} is not a Wirebench session: a session file is the JSON Wirebench writes when it saves or records one.',
  session_version:
    '{{file}} is a version {{version}} session, and this Wirebench reads version {{supported}}. Open it with the Wirebench that saved it, or a newer one.',
  session_invalid: '{{file}} is a Wirebench session that is damaged, so it was not opened: at {{where}}, {{issue}}.',
  capture_unreadable: '{{file}} is not a capture Wirebench can open: it reads pcap and pcapng files, as tcpdump, dumpcap, tshark and Wireshark write them.',
  recording_read_only: 'This is a recording: it shows what happened and cannot act, so "{{command}}" was not done. Go back to the live workbench to do it.',
  file_unwritable: 'Wirebench could not write {{file}} (the system said {{code}}). Check that its folder exists and you may write there, and that the disk is not full.',
  internal:
    'Something went wrong inside Wirebench while doing "{{command}}". This is a bug: the details are in Wirebench’s log (the terminal it was started from). Try again, or restart Wirebench.',
  disconnected:
    'The page lost its connection to Wirebench, so "{{command}}" may not have been done. It reconnects by itself; try again in a moment.',
});
