/** Realistic request bodies from the program: Gaza-border communities and their partners. */
export const kfarAza = {
  id: 'kfar-aza', name: 'Kfar Aza', nameHe: 'כפר עזה', aliases: ['Kfar Azza', 'Kibbutz Kfar Aza'],
  kind: 'israeli', settlementType: 'kibbutz', regionalCouncil: "Sha'ar HaNegev", country: 'IL',
};
export const boston = { id: 'boston', name: 'Combined Jewish Philanthropies of Greater Boston', kind: 'global', settlementType: 'federation', country: 'US' };
export const kfarAzaBoston = {
  id: 'kfar-aza-boston', israeliCommunityId: 'kfar-aza', globalCommunityId: 'boston', partnershipType: 'new',
  commitment: { annual: { amount: 25_000_000, currency: 'USD' }, years: 3, startDate: '2024-07-01' },
};
export const teamMember = (side: string, n: number) => ({
  side, role: n === 1 ? 'coordinator' : 'member', person: { name: `Person ${side} ${n}`, email: `${side}${n}@example.org` },
});
export const mattresses = {
  id: 'mattresses', pairingId: 'kfar-aza-boston', title: 'Mattresses for returning families', description: '120 mattresses',
  sector: 'immediate-relief-goods', horizon: 'immediate', estimatedCost: { amount: 3_600_000, currency: 'USD' },
  window: { from: '2024-11-01', to: '2024-12-31' }, quantity: 120,
};
export const kindergartenRoadMap = {
  milestones: [{ title: 'Rebuild the kindergarten', sector: 'education', targetDate: '2026-09-01', budget: { amount: 8_000_000, currency: 'USD' } }],
};
