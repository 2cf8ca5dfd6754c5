import type { Invoice as EInvoice, InvoiceService } from '@e-invoice-eu/core';
import { refusal } from '../../shared/errors/error-text';

/**
 * Factur-X (docs/factur-x.md): the CII XML of the EN 16931 profile, written by @e-invoice-eu/core from the
 * document's EN 16931 data (factur-x.ts), and embedded by pdfkit in the document's own PDF/A-3b (pdf-documents.ts:
 * an associated file, relationship Data, with the Factur-X XMP metadata below). The library is loaded the first
 * time an export asks for it: most exports never do.
 */

let service: Promise<InvoiceService> | undefined;

/** The library reports through a logger; what it refuses goes to the error a failed export gives. */
const quiet = { log: () => {}, warn: () => {}, error: () => {} };

function invoiceService(): Promise<InvoiceService> {
  service ??= import('@e-invoice-eu/core').then((module) => new module.InvoiceService(quiet));
  return service;
}

/** The name of the XML in the PDF, as Factur-X requires it. */
export const FACTUR_X_FILE = 'factur-x.xml';

/** The CII XML of the EN 16931 profile, as embedded in a Factur-X PDF and as written alone. */
export async function ciiXml(number: string, data: EInvoice, lang: 'fr' | 'en'): Promise<string> {
  let written: string | Uint8Array;
  try {
    written = await (await invoiceService()).generate(data, { format: 'CII', lang: lang === 'fr' ? 'fr-fr' : 'en-gb', noWarnings: true });
  } catch (error) {
    // The library checks the data against EN 16931's cardinalities: what it refuses is named in its message.
    throw refusal(
      'export_einvoice_invalid',
      'export.einvoiceInvalid',
      { number, cause: error instanceof Error ? error.message.slice(0, 2000) : String(error) },
      { number },
    );
  }
  const xml = typeof written === 'string' ? written : Buffer.from(written).toString('utf8');
  return withPrecedingInvoice(xml, data);
}

/**
 * The preceding invoice of a credit note (BT-25, BT-26) in the XML. @e-invoice-eu/core 2.3.4 reads it one level
 * too high in its data (cac:BillingReference/cbc:ID instead of …/cac:InvoiceDocumentReference/cbc:ID, which its own
 * schema requires) and so leaves it out of the CII: it is added here, where the CII schema puts it (after the
 * totals). A library that writes it makes this a no-op.
 */
function withPrecedingInvoice(xml: string, data: EInvoice): string {
  const reference = data['ubl:Invoice']['cac:BillingReference']?.[0]?.['cac:InvoiceDocumentReference'];
  if (!reference || xml.includes('<ram:InvoiceReferencedDocument>')) return xml;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const date = reference['cbc:IssueDate']
    ? `<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">${reference['cbc:IssueDate'].replace(/-/g, '')}</qdt:DateTimeString></ram:FormattedIssueDateTime>`
    : '';
  const element = `<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>${escape(reference['cbc:ID'])}</ram:IssuerAssignedID>${date}</ram:InvoiceReferencedDocument>`;
  const anchor = '</ram:SpecifiedTradeSettlementHeaderMonetarySummation>';
  return xml.includes(anchor) ? xml.replace(anchor, `${anchor}${element}`) : xml;
}

/**
 * The XMP metadata Factur-X adds to the PDF/A: the extension schema that declares its properties (PDF/A allows no
 * undeclared one), then the document's type, XML name, version and profile.
 */
export function facturXMetadata(documentType: 'INVOICE'): string {
  const property = (name: string, description: string) => `
              <rdf:li rdf:parseType="Resource">
                <pdfaProperty:name>${name}</pdfaProperty:name>
                <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                <pdfaProperty:category>external</pdfaProperty:category>
                <pdfaProperty:description>${description}</pdfaProperty:description>
              </rdf:li>`;
  return `
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
          <pdfaExtension:schemas>
            <rdf:Bag>
              <rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                <pdfaSchema:property>
                  <rdf:Seq>${property('DocumentFileName', 'The name of the embedded XML document')}${property(
                    'DocumentType',
                    'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER',
                  )}${property('Version', 'The actual version of the standard applying to the embedded XML document')}${property(
                    'ConformanceLevel',
                    'The conformance level of the embedded XML document',
                  )}
                  </rdf:Seq>
                </pdfaSchema:property>
              </rdf:li>
            </rdf:Bag>
          </pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
          <fx:DocumentType>${documentType}</fx:DocumentType>
          <fx:DocumentFileName>${FACTUR_X_FILE}</fx:DocumentFileName>
          <fx:Version>1.0</fx:Version>
          <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
        </rdf:Description>
        `;
}
