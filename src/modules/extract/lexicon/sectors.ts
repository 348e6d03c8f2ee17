/**
 * Sectors as news texts name them, each with the word forms that name it (folded, matched at
 * word starts). The names are the graph's sector names (the seed's "Agriculture", "Food
 * industry", ...).
 */
export const SECTORS: readonly { name: string; forms: RegExp }[] = [
  { name: 'Food industry', forms: /^(?:food industry|food processing|food products|food)$/ },
  { name: 'Agriculture', forms: /^(?:agricultur\w*|agro\w*|farming|agribusiness)$/ },
  { name: 'Energy', forms: /^(?:energy|power generation|power|electricity|electric power)$/ },
  {
    name: 'Renewable energy',
    forms: /^(?:renewable energy|renewables|green energy|solar energy|wind energy|clean energy)$/,
  },
  { name: 'Oil and gas', forms: /^(?:oil and gas|oil|gas|petroleum|hydrocarbons?)$/ },
  { name: 'Petrochemicals', forms: /^(?:petrochemicals?|petrochemical industry)$/ },
  { name: 'Chemical industry', forms: /^(?:chemical industry|chemicals)$/ },
  { name: 'Mining', forms: /^(?:mining|minerals|mining and metallurgy|metallurgy)$/ },
  { name: 'Construction', forms: /^(?:construction)$/ },
  { name: 'Engineering', forms: /^(?:engineering|machine building|machinery)$/ },
  { name: 'Manufacturing', forms: /^(?:manufacturing|industry|industrial production)$/ },
  { name: 'Tourism', forms: /^(?:tourism|hospitality)$/ },
  { name: 'Investment', forms: /^(?:investments?)$/ },
  { name: 'Infrastructure', forms: /^(?:infrastructure)$/ },
  { name: 'Transport', forms: /^(?:transport|transportation|transit)$/ },
  { name: 'Logistics', forms: /^(?:logistics)$/ },
  { name: 'Finance', forms: /^(?:finance|financing|financial services|banking)$/ },
  { name: 'Trade', forms: /^(?:trade|commerce)$/ },
  { name: 'Telecommunications', forms: /^(?:telecommunications?|telecoms?|communications)$/ },
  {
    name: 'Information technology',
    forms:
      /^(?:information technology|information technologies|it|ict|digital economy|digitalization|digitalisation|digital technologies)$/,
  },
  { name: 'Health', forms: /^(?:health|healthcare|health care|medicine|pharmaceuticals?)$/ },
  { name: 'Education', forms: /^(?:education|training)$/ },
  { name: 'Science', forms: /^(?:science|research)$/ },
  { name: 'Culture', forms: /^(?:culture|cultural exchange|humanitarian)$/ },
  { name: 'Water', forms: /^(?:water|water management|water resources|water supply)$/ },
  { name: 'Environment', forms: /^(?:environment|ecology|environmental protection)$/ },
  { name: 'Textiles', forms: /^(?:textiles?|light industry)$/ },
  { name: 'Automotive', forms: /^(?:automotive|car manufacturing)$/ },
  { name: 'Aviation', forms: /^(?:aviation)$/ },
  { name: 'Innovation', forms: /^(?:innovation|innovations)$/ },
  { name: 'Entrepreneurship', forms: /^(?:entrepreneurship|small and medium-sized enterprises|smes?|small business)$/ },
  { name: 'Housing', forms: /^(?:housing|real estate)$/ },
  { name: 'Security', forms: /^(?:security|defence|defense)$/ },
];
