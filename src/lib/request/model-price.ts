/** A model's list price per million tokens, for the picker ("$3/$15"). */
import { findModel } from '$lib/catalog';

export function priceLabel(id: string): string {
	const spec = findModel(id);
	if (!spec) return '';
	const usd = (n: number) => `$${+n.toFixed(2)}`;
	return `${usd(spec.price.input)}/${usd(spec.price.output)} per MTok`;
}
