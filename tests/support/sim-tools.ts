// Custom tools the simulator tests ask about, in the SDK's `Tool` shape.
export const weatherTool = {
	name: 'get_weather',
	description: 'Current weather for a city',
	input_schema: {
		type: 'object' as const,
		properties: {
			city: { type: 'string' },
			unit: { type: 'string', enum: ['celsius', 'fahrenheit'] }
		},
		required: ['city']
	}
};
