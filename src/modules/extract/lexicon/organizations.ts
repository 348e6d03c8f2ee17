/**
 * International organizations that news texts name by a short name or an acronym. The extractor
 * also recognises organizations by their form (see organizations.ts); this list adds the ones
 * whose names do not say what they are ("World Bank" does, "OPEC" does not) and their acronyms.
 */
export interface KnownOrganization {
  readonly name: string;
  readonly aliases: readonly string[];
}

export const INTERNATIONAL_ORGANIZATIONS: readonly KnownOrganization[] = [
  { name: 'United Nations', aliases: ['UN', 'U.N.'] },
  { name: 'European Union', aliases: ['EU'] },
  { name: 'World Bank', aliases: ['World Bank Group'] },
  { name: 'International Monetary Fund', aliases: ['IMF'] },
  { name: 'World Trade Organization', aliases: ['WTO', 'World Trade Organisation'] },
  { name: 'World Health Organization', aliases: ['WHO', 'World Health Organisation'] },
  { name: 'European Bank for Reconstruction and Development', aliases: ['EBRD'] },
  { name: 'European Investment Bank', aliases: ['EIB'] },
  { name: 'Asian Development Bank', aliases: ['ADB'] },
  { name: 'Asian Infrastructure Investment Bank', aliases: ['AIIB'] },
  { name: 'African Development Bank', aliases: ['AfDB'] },
  { name: 'Islamic Development Bank', aliases: ['IsDB'] },
  { name: 'New Development Bank', aliases: ['NDB', 'BRICS Bank'] },
  { name: 'Eurasian Development Bank', aliases: ['EDB'] },
  { name: 'International Finance Corporation', aliases: ['IFC'] },
  { name: 'Organization of the Petroleum Exporting Countries', aliases: ['OPEC'] },
  { name: 'Organisation for Economic Co-operation and Development', aliases: ['OECD'] },
  { name: 'North Atlantic Treaty Organization', aliases: ['NATO'] },
  { name: 'Association of Southeast Asian Nations', aliases: ['ASEAN'] },
  { name: 'African Union', aliases: ['AU'] },
  { name: 'Shanghai Cooperation Organisation', aliases: ['SCO', 'Shanghai Cooperation Organization'] },
  { name: 'Eurasian Economic Union', aliases: ['EAEU', 'EEU'] },
  { name: 'Eurasian Economic Commission', aliases: ['EEC'] },
  { name: 'Commonwealth of Independent States', aliases: ['CIS'] },
  { name: 'Collective Security Treaty Organization', aliases: ['CSTO'] },
  { name: 'Gulf Cooperation Council', aliases: ['GCC'] },
  { name: 'Arab League', aliases: ['League of Arab States'] },
  { name: 'Organisation of Islamic Cooperation', aliases: ['OIC', 'Organization of Islamic Cooperation'] },
  { name: 'Organization of Turkic States', aliases: ['OTS'] },
  { name: 'Conference on Interaction and Confidence-Building Measures in Asia', aliases: ['CICA'] },
  { name: 'Organization for Security and Co-operation in Europe', aliases: ['OSCE'] },
  { name: 'European Commission', aliases: [] },
  { name: 'European Parliament', aliases: [] },
  { name: 'Economic Community of West African States', aliases: ['ECOWAS'] },
  { name: 'Common Market for Eastern and Southern Africa', aliases: ['COMESA'] },
  { name: 'Southern African Development Community', aliases: ['SADC'] },
  { name: 'Asia-Pacific Economic Cooperation', aliases: ['APEC'] },
  { name: 'International Atomic Energy Agency', aliases: ['IAEA'] },
  { name: 'International Labour Organization', aliases: ['ILO'] },
  { name: 'United Nations Development Programme', aliases: ['UNDP'] },
  { name: 'United Nations Conference on Trade and Development', aliases: ['UNCTAD'] },
  { name: 'United Nations Industrial Development Organization', aliases: ['UNIDO'] },
  { name: 'Food and Agriculture Organization', aliases: ['FAO'] },
  { name: 'UNESCO', aliases: [] },
  { name: 'UNICEF', aliases: [] },
  { name: 'BRICS', aliases: [] },
  { name: 'Mercosur', aliases: [] },
];
