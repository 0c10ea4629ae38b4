import {faultInfo, faultTypes} from './core/fault.js';
import {models} from './core/models/index.js';

export const helpText = `
  Usage
    $ replica-tui [options]                         the live dashboard
    $ replica-tui --steps N [--json] [--trace FILE] a headless run
    $ replica-tui scenarios                         list the bundled lecture scenarios
    $ replica-tui play <name|file>                  play a scenario live; pause points wait for Enter/PgDn
    $ replica-tui record <name|file> -o OUT.gif     render a scenario to .gif or .cast, no terminal needed

  Options
    --replicas N        how many replicas, 1 to 9 (default 3)
    --model NAME        ${Object.keys(models).join(' | ')} (default bank)
    --seed S            seed of the input generator, 0 to 4294967295 (default 1)
    --rate R            inputs per second (default 2)
    --paused            start paused; step with s
    --fault R:TYPE[@I]  inject a fault into replica R when input I arrives
                        (at the start without @I); repeatable, e.g. --fault 2:skip@10
    --steps N           run N inputs headless, print a summary and exit
    --json              with --steps: print the report as JSON
    --trace FILE        with --steps: write every input as one JSON line
    --record FILE.cast  record the live session (dashboard or play) as you drive it
    -o, --output FILE   with record: the .gif or .cast to write
    --size COLSxROWS    with record: the terminal size (default: the scenario's)
    --font-size PX      with record to .gif: the font size (default 16)
    --help, --version

  Models
${Object.values(models).map(model => `    ${model.name.padEnd(8)} ${model.teaches}`).join('\n')}

  Faults
${faultTypes.map(type => `    ${type.padEnd(8)} ${faultInfo[type].teaches}`).join('\n')}

  Keys
    space pause · s step · ←→ or 1-9 select · f fault · r repair · +/- speed · ? help · q quit
`;
