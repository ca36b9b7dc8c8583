import { normalizeForMatching } from '../normalize.js';
import { isNewAuthor, isTrusted, type Phase } from '../pipeline.js';

/**
 * Words that make a display name read as a shop rather than a person ("buy flashlight",
 * "Nursing tops", "cheap-watches-outlet"). Checked only for authors with nothing approved yet,
 * so a regular called "Shopkeeper Sam" is never held for it.
 */
const SHOP_WORDS = [
  'buy', 'cheap', 'shop', 'store', 'sale', 'sales', 'discount', 'outlet', 'supplier', 'wholesale', 'deals', 'coupon',
  'coupons', 'promo', 'loans', 'casino', 'pharmacy', 'replica', 'seo', 'top', 'tops', 'clothing', 'dress', 'dresses',
  'shoes', 'jewelry', 'watches', 'online', 'free', 'best', 'price', 'prices', 'order', 'viagra', 'forex', 'crypto',
];

export const promotionalName: Phase = ({ author }) => {
  if (isTrusted(author) || !isNewAuthor(author)) return;
  const words = normalizeForMatching(author.displayName).split(' ');
  const shopWord = words.find((w) => SHOP_WORDS.includes(w));
  if (shopWord) {
    return {
      decision: 'hold',
      reason: { rule: 'promotional-name', message: `The author’s name reads like an advertisement (“${shopWord}”).` },
    };
  }
};
