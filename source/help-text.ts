import {faultInfo, faultTypes} from './core/voting/fault.js';
import {models} from './core/models/index.js';
import {etcdMode} from './core/etcd/mode.js';
import {modes} from './core/modes.js';

const dashed = (name: string) => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
const shared = new Set(['seed', 'paused', 'steps', 'json', 'fault']);
/** Each other mode's own flags, by name (docs/<mode>.md says what each does). */
const modeFlags = [...Object.values(modes).filter(mode => mode.name !== 'voting'), etcdMode]
	.map(mode => `    ${mode.name.padEnd(10)} ${Object.keys(mode.flags).filter(name => !shared.has(name) || mode.name === 'etcd').map(name => `--${dashed(name)}`).join(' ')}`)
	.join('\n');

export const helpText = `
  Usage
    $ replica-tui [options]                          the voting mode: replicas and a majority vote
    $ replica-tui <mode> [options]                   another lesson: ${[...Object.keys(modes).filter(name => name !== 'voting'), 'etcd'].join(', ')}
    $ replica-tui <mode> --help                      a mode's own help: its flags, keys and glyphs
    $ replica-tui [<mode>] --steps N [--json] [--trace FILE]   a headless run
    $ replica-tui scenarios [mode]                   list the bundled lecture scenarios (etcd too)
    $ replica-tui play <name|file>                   play a scenario live; pause points wait for Enter/PgDn
                 [--pace N] [--claims FILE]          (N times faster; each claim as a JSON line)
    $ replica-tui record <name|file> -o OUT.gif      render a scenario to .gif or .cast, no terminal needed
    $ replica-tui record FILE.cast -o OUT.gif        turn a recorded cast (e.g. from --record) into a GIF
    $ replica-tui run <name|file> [--json] [--trace FILE]   run a scenario to its end, no terminal
    $ replica-tui check <name|file>...               check every "expect" claim of scenarios
                                                     (an etcd scenario runs a real cluster in real time:
                                                     play, run and check start one; record it with
                                                     play --record x.cast, then record x.cast -o x.gif)
    $ replica-tui raft fuzz [--bug NAME]... [--seeds N] [--events M] [--servers K] [--seed S] [-o FILE]
                                                     seeded runs with random faults until a safety
                                                     property breaks; writes a scenario that replays it

  Modes
${[...Object.values(modes), etcdMode].map(mode => `    ${mode.name.padEnd(10)} ${mode.teaches}`).join('\n')}

  Options of every mode
    --seed S            seed of the random streams, 0 to 4294967295 (default 1)
    --paused            start paused; step with s, back with b
    --steps N           run N events (inputs) headless, print a summary and exit
    --json              with --steps or run: print the report as JSON
    --trace FILE        with --steps or run: write every event as one JSON line
    --record FILE.cast  record the live session (a mode or play) as you drive it
    --theme NAME        dark (default), light or high-contrast; NO_COLOR=1 turns colour off
    --help, --version

  Voting mode options
    --replicas N        how many replicas, 1 to 9 (default 3)
    --model NAME        ${Object.keys(models).join(' | ')} (default bank)
    --rate R            inputs per second, 0.25 to 10000 (default 2)
    --fault R:TYPE[@I]  inject a fault into replica R just before input I arrives
                        (before input 1 without @I); repeatable, e.g. --fault 2:skip@10

  Other modes' own flags (replica-tui <mode> --help says what each does)
${modeFlags}

  Record options
    -o, --output FILE   the .gif or .cast to write
    --stills DIR        also (or instead) one PNG per pause point, e.g. DIR/raft-figure-8-03.png
    --size COLSxROWS    the terminal size (default: the scenario's)
    --font-size PX      the GIF's font size (default 20: an 80×24 GIF is 960 px wide,
                        readable from the back of a lecture hall; 16 for a smaller file)

  Models
${Object.values(models).map(model => `    ${model.name.padEnd(8)} ${model.teaches}`).join('\n')}

  Faults (voting mode)
${faultTypes.map(type => `    ${type.padEnd(8)} ${faultInfo[type].teaches}`).join('\n')}

  Keys (every mode)
    space run/pause · s step · b back · 0 restart · ←→ or 1-9 select · +/- speed · ? help · q quit
    Ctrl+L redraws the whole screen; ? also explains every glyph the screen draws
`;
