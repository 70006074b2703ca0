import { usePageTitle } from '../components/states';
import { Link } from '../router';

export function NotFoundPage() {
  usePageTitle('Страница не найдена');
  return (
    <div>
      <h1>Страница не найдена</h1>
      <p>
        Такого раздела в личном кабинете нет. <Link to="/">Перейти на главную</Link>
      </p>
    </div>
  );
}

export function NotAllowedPage() {
  usePageTitle('Раздел недоступен');
  return (
    <div>
      <h1>Раздел недоступен</h1>
      <p>
        Этот раздел не предусмотрен для вашей роли. <Link to="/">Перейти на главную</Link>
      </p>
    </div>
  );
}
