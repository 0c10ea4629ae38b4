// The baseline for start-up: the smallest Ink app there is.
import {render, Text} from 'ink';
import {createElement} from 'react';

const instance = render(createElement(Text, null, 'hello from ink'));
setTimeout(() => instance.unmount(), 300);
