import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A real PDF with one page per string, made the way a user's tool would make it (pdf-lib). */
export async function makePdf(pages: string[]): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	const font = await doc.embedFont(StandardFonts.Helvetica);
	for (const text of pages) {
		const page = doc.addPage([612, 792]);
		text
			.split('\n')
			.forEach((line, i) => page.drawText(line, { x: 50, y: 740 - i * 16, size: 11, font }));
	}
	return doc.save();
}
