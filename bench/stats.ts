export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function sleep(ms: number): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

export type Figure = {readonly name: string; readonly value: string; readonly budget: string; readonly met: boolean | undefined};

export function printTable(figures: readonly Figure[]): void {
	const rows = [['figure', 'measured', 'budget', 'met'], ...figures.map(f => [f.name, f.value, f.budget, f.met === undefined ? '—' : f.met ? '✓ yes' : '✗ NO'])];
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => row[column]!.length)));
	for (const [i, row] of rows.entries()) {
		console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
		if (i === 0) console.log(widths.map(width => '─'.repeat(width)).join('  '));
	}
}
