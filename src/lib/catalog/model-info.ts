import type { CatalogModel, Lifecycle } from './schema';
import { lifecycleAt } from './index';

/**
 * A catalog model as the Models API describes it (SDK 1.14 `ModelInfo`), plus the catalog's
 * own fields under `x_catalog`, which SDKs ignore (prices and where they came from).
 */
const yes = { supported: true };
const no = { supported: false };
const flag = (b: boolean) => (b ? yes : no);

function capabilities(m: CatalogModel) {
	const t = m.capabilities.thinking;
	const effort = m.capabilities.effort;
	return {
		batch: yes,
		citations: flag(m.capabilities.citations),
		code_execution: flag(m.capabilities.server_tools),
		context_management: {
			supported: true,
			clear_thinking_20251015: yes,
			clear_tool_uses_20250919: yes,
			compact_20260112: flag(effort)
		},
		effort: {
			supported: effort,
			low: flag(effort),
			medium: flag(effort),
			high: flag(effort),
			max: flag(effort),
			xhigh: flag(effort)
		},
		image_input: flag(m.capabilities.image_input),
		pdf_input: flag(m.capabilities.pdf_input),
		server_tools: {
			supported: m.capabilities.server_tools,
			code_execution: flag(m.capabilities.server_tools),
			web_search: flag(m.capabilities.server_tools)
		},
		structured_outputs: flag(m.capabilities.structured_outputs),
		thinking: {
			supported: t.includes('enabled') || t.includes('adaptive'),
			types: {
				adaptive: flag(t.includes('adaptive')),
				between_tools: flag(t.includes('between_tools')),
				disabled: flag(t.includes('disabled') || t.length === 0),
				enabled: flag(t.includes('enabled'))
			}
		}
	};
}

export interface CatalogExtras {
	aliases: string[];
	price: CatalogModel['price'];
	price_bands?: CatalogModel['price_bands'];
	min_cacheable_tokens: number;
	source: string;
	checked: string;
	note?: string;
}

export function catalogExtras(m: CatalogModel): CatalogExtras {
	const { aliases, price, price_bands, min_cacheable_tokens, source, checked, note } = m;
	return {
		aliases,
		price,
		...(price_bands ? { price_bands } : {}),
		min_cacheable_tokens,
		source,
		checked,
		...(note ? { note } : {})
	};
}

export function modelInfo(m: CatalogModel, now: Date = new Date()) {
	const lifecycle: Lifecycle = lifecycleAt(m, now);
	return {
		type: 'model' as const,
		id: m.id,
		display_name: m.display_name,
		created_at: m.created_at,
		capabilities: capabilities(m),
		lifecycle,
		deprecated_at: lifecycle === 'active' ? null : m.deprecated_at,
		retires_at: lifecycle === 'active' ? null : m.retires_at,
		line: m.line,
		max_input_tokens: m.context_window,
		max_tokens: m.max_output_tokens,
		x_catalog: catalogExtras(m)
	};
}
